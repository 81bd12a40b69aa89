package io.sparkube.operator.lifecycle;

import io.sparkube.resources.RestartPolicy;
import io.sparkube.resources.RetryableFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When, if ever, a failed attempt is tried again: exponential backoff within the policy's limits. */
public final class RetryRule {
  private RetryRule() {}

  /** The next attempt's due time, or empty when the policy does not retry this failure now. */
  public static Optional<Instant> nextAttemptAt(RestartPolicy policy, int attempt, RetryableFailure failure,
      Instant now) {
    var retried = policy.getOnFailures().isEmpty() || policy.getOnFailures().contains(failure);
    if (!retried || attempt >= policy.getMaxAttempts()) {
      return Optional.empty();
    }
    return Optional.of(now.plus(backoff(policy, attempt)));
  }

  /** Wait before attempt {@code attempt + 1}: the base, doubled per earlier retry, capped. */
  static Duration backoff(RestartPolicy policy, int attempt) {
    long seconds = policy.getBackoffSeconds();
    for (int i = 1; i < attempt && seconds < policy.getMaxBackoffSeconds(); i++) {
      seconds *= 2;
    }
    return Duration.ofSeconds(Math.min(seconds, policy.getMaxBackoffSeconds()));
  }
}
