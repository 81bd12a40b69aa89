package io.sparkube.operator.lifecycle;

import io.sparkube.resources.JobRunState;
import io.sparkube.resources.RestartPolicy;
import java.time.Instant;
import java.util.Optional;

/**
 * Everything a decision about one run depends on, observed at one instant: what the run asks
 * (cancel, retries, TTL), where it stands (state, attempt, backoff), what its driver shows, and
 * whether its virtual cluster has room for one more.
 *
 * @param finishedAt when the run reached its final state, if it has
 */
public record RunFacts(
    JobRunState state,
    int attempt,
    boolean cancelAsked,
    RestartPolicy restartPolicy,
    Optional<Long> ttlSecondsAfterFinished,
    Optional<Instant> nextAttemptAt,
    Optional<Instant> finishedAt,
    DriverState driver,
    boolean roomToStart,
    Instant now) {

  /** The same facts once the run has moved to {@code next}, to decide again in the same pass. */
  public RunFacts inState(JobRunState next) {
    return new RunFacts(next, attempt, cancelAsked, restartPolicy, ttlSecondsAfterFinished, nextAttemptAt, finishedAt,
        driver, roomToStart, now);
  }
}
