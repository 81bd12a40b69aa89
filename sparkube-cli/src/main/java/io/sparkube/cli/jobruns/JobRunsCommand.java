package io.sparkube.cli.jobruns;

import io.sparkube.cli.ExitCodes;
import io.sparkube.cli.Terminal;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A jobs command: resolve the API, call it, and turn a failure into its exit code and a
 * {@code sparkube: <message>} line on stderr, the one place that happens for these commands.
 */
abstract class JobRunsCommand implements Callable<Integer> {
  @Mixin
  ApiOptions api = new ApiOptions();

  final Terminal terminal;

  JobRunsCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public final Integer call() {
    try {
      checkFlags();
      return run(new JobRunsClient(api.target(terminal.environment()), api.virtualCluster));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.failed(terminal.err(), e);
    } catch (RuntimeException e) {
      return ExitCodes.failed(terminal.err(), e);
    } finally {
      terminal.out().flush();
      terminal.err().flush();
    }
  }

  /** Flags picocli cannot check, checked before anything is asked of the API. */
  void checkFlags() {}

  abstract int run(JobRunsClient client) throws InterruptedException;

  static SparkubeException badFlag(String message) {
    return new SparkubeException(Failure.UNKNOWN_FLAG, message);
  }

  /** The API's answer as is for -o json; otherwise what the command makes of it. */
  boolean json() {
    return api.output == Output.JSON;
  }
}
