package io.sparkube.operator.lifecycle;

import io.sparkube.resources.FailureReason;
import io.sparkube.resources.JobRunState;
import io.sparkube.resources.RetryableFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What to do about a run, decided from its facts alone; the reconciler carries it out. */
public sealed interface Step {
  /** Nothing to do until something changes. */
  record Stay() implements Step {}

  /** Look again after {@code after} (a backoff, a full virtual cluster, a TTL), saying why. */
  record WaitFor(Duration after, String details) implements Step {}

  /** Submit the attempt's driver (or find the one a previous pass made). */
  record Submit(int attempt) implements Step {}

  /** Move to {@code to} because of what the driver did. */
  record Move(JobRunState to, String details, Optional<FailureReason> failureReason) implements Step {}

  /** A failure the policy retries: back to PENDING, attempt {@code nextAttempt} due at {@code at}. */
  record Retry(int nextAttempt, Instant at, RetryableFailure failure, String details) implements Step {}

  /** Delete the driver (and with it the executors) because the run was cancelled. */
  record DeleteDriver(String podName) implements Step {}

  /** The run's time to live after finishing has passed: delete it. */
  record Expire() implements Step {}
}
