package io.sparkube.cli;

import io.sparkube.submit.LocalClusterTarget;
import io.sparkube.submit.SubmitOutcome;
import io.sparkube.submit.SubmitService;
import io.sparkube.submit.args.SparkSubmitParser;
import io.sparkube.cli.local.LocalClusterProcess;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code sparkube submit}: spark-submit's command line, handed whole to Sparkube's own parser.
 * It does not go through picocli: a submission's cost is mostly start-up, and picocli's classes
 * cannot be kept in the class data archive.
 */
final class Submit {
  private Submit() {}

  static int run(List<String> argv, Terminal terminal) {
    try {
      return submit(argv, terminal);
    } catch (Exception e) {
      return ExitCodes.failed(terminal.err(), e);
    } finally {
      terminal.out().flush();
      terminal.err().flush();
    }
  }

  private static int submit(List<String> argv, Terminal terminal) throws InterruptedException {
    if (SparkSubmitParser.helpRequested(argv)) {
      terminal.out().print(SubmitUsage.TEXT);
      return 0;
    }
    var reporter = new TerminalReporter(terminal);
    try {
      // With no cluster configured at all, submit runs on the local cluster, starting it if needed.
      Supplier<LocalClusterTarget> localCluster = () -> LocalClusterProcess.target(terminal.environment(), reporter::info);
      var outcome = new SubmitService(reporter, Clock.systemUTC(), Optional.of(localCluster))
          .submit(argv, terminal.environment());
      reporter.finish();
      if (outcome instanceof SubmitOutcome.DryRun dryRun) {
        terminal.out().print(dryRun.plan().yaml());
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
