package io.sparkube.cli.jobruns;

import io.sparkube.cli.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code sparkube jobs}: job runs through the job-runs API (Amazon EMR on EKS's StartJobRun,
 * DescribeJobRun, ListJobRuns and CancelJobRun), by default the local cluster's.
 */
@Command(name = "jobs", mixinStandardHelpOptions = true,
    subcommands = {StartCommand.class, DescribeCommand.class, ListCommand.class, CancelCommand.class},
    description = "Start, describe, list and cancel job runs through the job-runs API (EMR on EKS's).")
public final class JobsCommand {

  /**
   * The group, its commands made by {@code factory} (which hands them the terminal). A parent's
   * writers and settings do not pass to a command line added to it, so they are set here.
   */
  public static CommandLine commandLine(Terminal terminal, CommandLine.IFactory factory) {
    var jobs = parsing(new CommandLine(JobsCommand.class, factory)).setOut(terminal.out()).setErr(terminal.err());
    // As with spark-submit, what follows the application is its own, flags included.
    jobs.getSubcommands().get("start").setStopAtPositional(true);
    return jobs;
  }

  /** How every jobs command reads its arguments: '@' is an argument's own (no @-files); -o json, --state running. */
  static CommandLine parsing(CommandLine commandLine) {
    return commandLine.setExpandAtFiles(false).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
