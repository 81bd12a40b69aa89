package io.sparkube.cli.jobruns;

import io.sparkube.cli.Terminal;
import picocli.CommandLine.Command;

/** {@code sparkube jobs cancel ID}: CancelJobRun; the operator then stops the run. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
    description = "Ask for a job run to be cancelled; it moves to CANCEL_PENDING, then CANCELLED.")
final class CancelCommand extends OneRunCommand {
  CancelCommand(Terminal terminal) {
    super(terminal);
  }

  @Override
  int run(JobRunsClient client) throws InterruptedException {
    var answer = client.cancel(id);
    terminal.out().println(json() ? answer.body() : "cancel requested for " + id);
    return 0;
  }
}
