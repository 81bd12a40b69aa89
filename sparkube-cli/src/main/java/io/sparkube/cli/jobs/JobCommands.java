package io.sparkube.cli.jobs;

import io.sparkube.cli.Terminal;
import picocli.CommandLine;

/** Adds status, logs, kill and list under the top-level command. */
public final class JobCommands {
  private JobCommands() {}

  public static void register(CommandLine parent, Terminal terminal) {
    var out = terminal.out();
    var err = terminal.err();
    var env = terminal.environment();
    parent.addSubcommand("status", new StatusCommand(out, err, env));
    parent.addSubcommand("logs", new LogsCommand(out, err, env));
    parent.addSubcommand("kill", new KillCommand(out, err, env));
    parent.addSubcommand("list", new ListCommand(out, err, env));
  }
}
