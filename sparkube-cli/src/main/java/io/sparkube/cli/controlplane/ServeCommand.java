package io.sparkube.cli.controlplane;

import io.sparkube.cli.DistributionJvm;
import io.sparkube.cli.ExitCodes;
import io.sparkube.cli.Terminal;
import io.sparkube.controlplane.ControlPlaneMain;
import io.sparkube.controlplane.config.ControlPlaneKeys;
import io.sparkube.jobruns.config.JobRunsKeys;
import io.sparkube.model.error.SparkubeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sparkube control-plane serve}: runs the control plane in the foreground until stopped;
 * the installed Deployment runs this. It runs in a child JVM with the distribution's server
 * libraries (Vert.x), as the staging server does; this process waits for it and stops it on SIGTERM.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the control plane (operator and job-runs API) in the foreground, against the in-cluster"
        + " ServiceAccount's cluster, else the kubeconfig's. -D settings override the settings file.")
public final class ServeCommand implements Callable<Integer> {
  private static final List<String> PREFIXES = List.of(ControlPlaneKeys.PREFIX, JobRunsKeys.PREFIX);

  @Option(names = "-D", paramLabel = "KEY=VALUE",
      description = "a sparkube.controlPlane.* or sparkube.jobruns.* setting, e.g. -Dsparkube.jobruns.port=8443")
  Map<String, String> settings = new LinkedHashMap<>();

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "properties file of settings")
  String config;

  private final Terminal terminal;

  ServeCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    try {
      var command = DistributionJvm.command(jvmOptions(), ControlPlaneMain.class.getName());
      if (config != null) {
        command.add(config);
      }
      var server = new ProcessBuilder(command).inheritIO().start();
      var stop = new Thread(server::destroy, "control-plane-serve-stop");
      Runtime.getRuntime().addShutdownHook(stop);
      int code = server.waitFor();
      Runtime.getRuntime().removeShutdownHook(stop);
      return code;
    } catch (IOException e) {
      terminal.err().println("sparkube: cannot start the control plane: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.failed(terminal.err(), e);
    } catch (RuntimeException e) {
      return ExitCodes.failed(terminal.err(), e);
    } finally {
      terminal.err().flush();
    }
  }

  /** Each setting as a system property of the child; anything else would be a JVM option in disguise. */
  List<String> jvmOptions() {
    var options = new ArrayList<String>();
    settings.forEach((key, value) -> {
      if (PREFIXES.stream().noneMatch(key::startsWith)) {
        throw SparkubeException.invalidConfig("-D" + key + " is not a control plane setting; give"
            + " sparkube.controlPlane.* or sparkube.jobruns.* settings");
      }
      options.add("-D" + key + "=" + value);
    });
    return options;
  }
}
