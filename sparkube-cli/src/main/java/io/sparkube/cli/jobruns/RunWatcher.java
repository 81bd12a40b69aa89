package io.sparkube.cli.jobruns;

import io.sparkube.jobruns.wire.JobRunView;
import io.sparkube.jobruns.wire.Results;
import io.sparkube.resources.JobRunState;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Follows a job run until it ends, saying each state it moves to. The job-runs API, like
 * emr-containers, has no watch: asking again every interval is the only way a client of it can follow.
 */
final class RunWatcher {
  private final JobRunsClient client;
  private final Duration interval;
  private final Consumer<String> say;

  RunWatcher(JobRunsClient client, Duration interval, Consumer<String> say) {
    this.client = client;
    this.interval = interval;
    this.say = say;
  }

  /** The run as it ended: COMPLETED, FAILED or CANCELLED. */
  JobRunView awaitEnd(String id) throws InterruptedException {
    String shown = null;
    while (true) {
      var run = client.describe(id).as(Results.DescribeJobRun.class).jobRun();
      if (!Objects.equals(run.state(), shown)) {
        say.accept(run.id() + " " + run.state() + (run.stateDetails() == null ? "" : ": " + run.stateDetails()));
        shown = run.state();
      }
      if (ended(run.state())) {
        return run;
      }
      Thread.sleep(interval.toMillis());
    }
  }

  /** A state this client does not know (a newer API's) is not taken for an end. */
  private static boolean ended(String state) {
    return Arrays.stream(JobRunState.values()).filter(known -> known.name().equals(state))
        .anyMatch(JobRunState::isFinal);
  }
}
