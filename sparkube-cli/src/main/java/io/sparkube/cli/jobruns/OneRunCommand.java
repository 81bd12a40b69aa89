package io.sparkube.cli.jobruns;

import io.sparkube.cli.Terminal;
import picocli.CommandLine.Parameters;

/** A jobs command about one run, named by its id. */
abstract class OneRunCommand extends JobRunsCommand {
  @Parameters(paramLabel = "ID", description = "the job run's id")
  String id;

  OneRunCommand(Terminal terminal) {
    super(terminal);
  }
}
