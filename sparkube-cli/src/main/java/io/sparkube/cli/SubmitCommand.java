package io.sparkube.cli;

import io.sparkube.submit.SubmitOutcome;
import io.sparkube.submit.SubmitService;
import io.sparkube.submit.args.SparkSubmitParser;
import io.sparkube.submit.driver.PlanYaml;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code sparkube submit}: spark-submit's command line, handed whole to Sparkube's own parser. */
@Command(name = "submit", description = "Submit a Spark application in cluster mode (spark-submit's flags).")
final class SubmitCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Unmatched
  private List<String> argv = new ArrayList<>();

  SubmitCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (SparkSubmitParser.helpRequested(argv)) {
      terminal.out().print(SubmitUsage.TEXT);
      terminal.out().flush();
      return 0;
    }
    var reporter = new TerminalReporter(terminal);
    try {
      var outcome = new SubmitService(reporter, Clock.systemUTC()).submit(argv, terminal.environment());
      reporter.finish();
      if (outcome instanceof SubmitOutcome.DryRun dryRun) {
        terminal.out().print(PlanYaml.render(dryRun.plan()));
        terminal.out().flush();
        return 0;
      }
      if (outcome instanceof SubmitOutcome.Submitted submitted) {
        terminal.out().println(submitted.submissionId());
        return 0;
      }
      var finished = (SubmitOutcome.Finished) outcome;
      terminal.err().println("driver " + finished.submissionId() + " exited with code " + finished.driverExitCode());
      return finished.driverExitCode();
    } finally {
      reporter.finish();
    }
  }
}
