package io.sparkube.cli;

import io.sparkube.model.error.Failure;
import io.sparkube.cli.controlplane.ControlPlaneCommand;
import io.sparkube.cli.doctor.DoctorCommand;
import io.sparkube.cli.identity.IdentityCommand;
import io.sparkube.cli.jobruns.JobsCommand;
import io.sparkube.cli.jobs.JobCommands;
import io.sparkube.cli.local.LocalCommand;
import io.sparkube.cli.staging.StagingCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code sparkube} command: wires subcommands and turns failures into exit codes. */
@Command(name = "sparkube", mixinStandardHelpOptions = true, versionProvider = Sparkube.Version.class,
    description = "Apache Spark on Kubernetes, without the glue.")
public final class Sparkube implements Runnable {
  private final Terminal terminal;

  @Spec
  private CommandSpec spec;

  private Sparkube(Terminal terminal) {
    this.terminal = terminal;
  }

  /** With no subcommand, say what the subcommands are; a command was expected, so it is a usage error. */
  @Override
  public void run() {
    terminal.err().print(spec.commandLine().getUsageMessage());
    terminal.err().flush();
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is expected");
  }

  /** Runs one command line and returns the process exit code. */
  public static int run(String[] args, Terminal terminal) {
    var commandLine = new CommandLine(new Sparkube(terminal), new TerminalFactory(terminal))
        .setOut(terminal.out())
        .setErr(terminal.err())
        .setExpandAtFiles(false)
        .setExecutionExceptionHandler((e, cmd, parsed) -> ExitCodes.failed(terminal.err(), e))
        .setParameterExceptionHandler((e, args1) -> {
          terminal.err().println("sparkube: " + e.getMessage() + "; see sparkube " + commandName(e) + "--help");
          return Failure.UNKNOWN_FLAG.exitCode();
        });
    var submit = new CommandLine(new SubmitCommand(terminal)).setUnmatchedArgumentsAllowed(true).setStopAtUnmatched(true)
        .setExpandAtFiles(false);
    commandLine.addSubcommand("submit", submit);
    JobCommands.register(commandLine, terminal);
    commandLine.addSubcommand("doctor", new CommandLine(DoctorCommand.class, new TerminalFactory(terminal)));
    commandLine.addSubcommand("local", new CommandLine(LocalCommand.class, new TerminalFactory(terminal)));
    commandLine.addSubcommand("identity", new CommandLine(IdentityCommand.class, new TerminalFactory(terminal)));
    commandLine.addSubcommand("staging", new CommandLine(StagingCommand.class, new TerminalFactory(terminal)));
    commandLine.addSubcommand("control-plane",
        new CommandLine(ControlPlaneCommand.class, new TerminalFactory(terminal)));
    commandLine.addSubcommand("jobs", JobsCommand.commandLine(terminal, new TerminalFactory(terminal)));
    int code = commandLine.execute(args);
    terminal.out().flush();
    terminal.err().flush();
    return code;
  }

  private static String commandName(CommandLine.ParameterException e) {
    var name = e.getCommandLine().getCommandName();
    return "sparkube".equals(name) ? "" : name + " ";
  }

  /** The version from the jar's manifest, or "dev" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      var version = Sparkube.class.getPackage().getImplementationVersion();
      return new String[] {"sparkube " + (version == null ? "dev" : version)};
    }
  }
}
