package io.sparkube.cli.controlplane;

import io.sparkube.cli.ExitCodes;
import io.sparkube.cli.Terminal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sparkube control-plane manifests}: what {@code install} applies, as YAML for GitOps; talks to no cluster. */
@Command(name = "manifests", mixinStandardHelpOptions = true,
    description = "Print the manifests 'install' applies (the same as install --dry-run), for GitOps. The token"
        + " Secret is left out: create it yourself, as the message on stderr says.")
public final class ManifestsCommand implements Callable<Integer> {
  @Mixin
  InstallOptions options = new InstallOptions();

  private final Terminal terminal;

  ManifestsCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    try {
      var install = options.install();
      ControlPlaneManifests.print(install, terminal);
      return 0;
    } catch (RuntimeException e) {
      return ExitCodes.failed(terminal.err(), e);
    } finally {
      terminal.out().flush();
      terminal.err().flush();
    }
  }
}
