package io.sparkube.cli.jobruns;

import io.sparkube.cli.Terminal;
import io.sparkube.jobruns.wire.Results;
import picocli.CommandLine.Command;

/** {@code sparkube jobs describe ID}: DescribeJobRun. */
@Command(name = "describe", mixinStandardHelpOptions = true,
    description = "Show a job run: its state, why it ended, when, and its attempts.")
final class DescribeCommand extends OneRunCommand {
  DescribeCommand(Terminal terminal) {
    super(terminal);
  }

  @Override
  int run(JobRunsClient client) throws InterruptedException {
    var answer = client.describe(id);
    if (json()) {
      terminal.out().println(answer.body());
    } else {
      JobRunText.describe(answer.as(Results.DescribeJobRun.class).jobRun()).forEach(terminal.out()::println);
    }
    return 0;
  }
}
