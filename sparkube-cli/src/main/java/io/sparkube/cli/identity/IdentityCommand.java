package io.sparkube.cli.identity;

import io.sparkube.cli.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sparkube identity ...}: the parts of a job identity that live outside the cluster. */
@Command(name = "identity", mixinStandardHelpOptions = true,
    description = "Set up the cloud side of sparkube submit --identity.", subcommands = PlanCommand.class)
public final class IdentityCommand implements Runnable {
  private final Terminal terminal;

  @Spec
  private CommandSpec spec;

  IdentityCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public void run() {
    terminal.err().print(spec.commandLine().getUsageMessage());
    terminal.err().flush();
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is expected");
  }
}
