package io.sparkube.operator.lifecycle;

import static io.sparkube.resources.JobRunState.CANCELLED;
import static io.sparkube.resources.JobRunState.CANCEL_PENDING;
import static io.sparkube.resources.JobRunState.COMPLETED;
import static io.sparkube.resources.JobRunState.FAILED;
import static io.sparkube.resources.JobRunState.PENDING;
import static io.sparkube.resources.JobRunState.RUNNING;
import static io.sparkube.resources.JobRunState.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkube.resources.FailureReason;
import io.sparkube.resources.JobRunState;
import io.sparkube.resources.RestartPolicy;
import io.sparkube.resources.RetryableFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final DriverState ABSENT = new DriverState.Absent();
  private static final DriverState WAITING = new DriverState.Waiting("pi-driver");
  private static final DriverState RUNS = new DriverState.Running("pi-driver");

  private static RunFacts facts(JobRunState state, DriverState driver) {
    return new RunFacts(state, 1, false, new RestartPolicy(), Optional.empty(), Optional.empty(), Optional.empty(),
        driver, true, NOW);
  }

  private static RunFacts withPolicy(RunFacts f, int maxAttempts, RetryableFailure... on) {
    var policy = new RestartPolicy();
    policy.setMaxAttempts(maxAttempts);
    policy.setOnFailures(List.of(on));
    return new RunFacts(f.state(), f.attempt(), f.cancelAsked(), policy, f.ttlSecondsAfterFinished(), f.nextAttemptAt(),
        f.finishedAt(), f.driver(), f.roomToStart(), f.now());
  }

  private static RunFacts cancelled(RunFacts f) {
    return new RunFacts(f.state(), f.attempt(), true, f.restartPolicy(), f.ttlSecondsAfterFinished(), f.nextAttemptAt(),
        f.finishedAt(), f.driver(), f.roomToStart(), f.now());
  }

  @Test
  void aNewRunIsSubmittedWhenItsVirtualClusterHasRoom() {
    assertThat(Lifecycle.decide(facts(PENDING, ABSENT))).isEqualTo(new Step.Submit(1));
    var full = new RunFacts(PENDING, 1, false, new RestartPolicy(), Optional.empty(), Optional.empty(),
        Optional.empty(), ABSENT, false, NOW);
    assertThat(Lifecycle.decide(full)).isInstanceOf(Step.WaitFor.class);
  }

  @Test
  void aDriverMadeBeforeARestartIsAdoptedNotSubmittedAgain() {
    assertThat(Lifecycle.decide(facts(PENDING, WAITING)))
        .isInstanceOfSatisfying(Step.Move.class, m -> assertThat(m.to()).isEqualTo(SUBMITTED));
  }

  @Test
  void theDriversPhasesMoveTheRunOn() {
    assertThat(Lifecycle.decide(facts(SUBMITTED, WAITING))).isEqualTo(new Step.Stay());
    assertThat(Lifecycle.decide(facts(SUBMITTED, RUNS)))
        .isInstanceOfSatisfying(Step.Move.class, m -> assertThat(m.to()).isEqualTo(RUNNING));
    assertThat(Lifecycle.decide(facts(RUNNING, RUNS))).isEqualTo(new Step.Stay());
    assertThat(Lifecycle.decide(facts(RUNNING, new DriverState.Succeeded("pi-driver", 0))))
        .isInstanceOfSatisfying(Step.Move.class, m -> assertThat(m.to()).isEqualTo(COMPLETED));
    assertThat(Lifecycle.decide(facts(SUBMITTED, new DriverState.Succeeded("pi-driver", 0))))
        .isInstanceOfSatisfying(Step.Move.class, m -> assertThat(m.to()).isEqualTo(COMPLETED));
  }

  @Test
  void aFailedDriverFailsTheRunAsAUserErrorWithoutARetryPolicy() {
    var step = Lifecycle.decide(facts(RUNNING, new DriverState.Failed("pi-driver", 1, "Error")));
    assertThat(step).isEqualTo(new Step.Move(FAILED, "driver pi-driver failed with exit code 1 (Error)",
        Optional.of(FailureReason.USER_ERROR)));
  }

  @Test
  void aLostDriverIsAClusterFailure() {
    assertThat(Lifecycle.decide(facts(RUNNING, ABSENT))).isInstanceOfSatisfying(Step.Move.class,
        m -> assertThat(m.failureReason()).contains(FailureReason.CLUSTER_UNAVAILABLE));
  }

  @Test
  void onlyTheFailuresThePolicyNamesAreRetriedWithBackoffUntilTheAttemptsRunOut() {
    var failed = facts(RUNNING, new DriverState.Failed("pi-driver", 1, "Error"));
    assertThat(Lifecycle.decide(withPolicy(failed, 3))).isInstanceOfSatisfying(Step.Retry.class, r -> {
      assertThat(r.nextAttempt()).isEqualTo(2);
      assertThat(r.at()).isEqualTo(NOW.plusSeconds(10));
    });
    assertThat(Lifecycle.decide(withPolicy(failed, 3, RetryableFailure.DRIVER_LOST))).isInstanceOf(Step.Move.class);
    var third = new RunFacts(RUNNING, 3, false, withPolicy(failed, 3).restartPolicy(), Optional.empty(),
        Optional.empty(), Optional.empty(), failed.driver(), true, NOW);
    assertThat(Lifecycle.decide(third)).isInstanceOf(Step.Move.class);
  }

  @Test
  void backoffDoublesAndIsCapped() {
    var policy = new RestartPolicy();
    policy.setBackoffSeconds(10);
    policy.setMaxBackoffSeconds(60);
    assertThat(RetryRule.backoff(policy, 1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(RetryRule.backoff(policy, 2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(RetryRule.backoff(policy, 3)).isEqualTo(Duration.ofSeconds(40));
    assertThat(RetryRule.backoff(policy, 4)).isEqualTo(Duration.ofSeconds(60));
    assertThat(RetryRule.backoff(policy, 40)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aRetryWaitsOutItsBackoffInPending() {
    var waiting = new RunFacts(PENDING, 2, false, new RestartPolicy(), Optional.empty(), Optional.of(NOW.plusSeconds(30)),
        Optional.empty(), ABSENT, true, NOW);
    assertThat(Lifecycle.decide(waiting)).isEqualTo(new Step.WaitFor(Duration.ofSeconds(30),
        "attempt 2 is due at " + NOW.plusSeconds(30)));
    var due = new RunFacts(PENDING, 2, false, new RestartPolicy(), Optional.empty(), Optional.of(NOW.minusSeconds(1)),
        Optional.empty(), ABSENT, true, NOW);
    assertThat(Lifecycle.decide(due)).isEqualTo(new Step.Submit(2));
  }

  @Test
  void aSubmissionFailureIsRetriedOnlyIfThePolicySaysSo() {
    assertThat(Lifecycle.afterSubmissionFailed(facts(PENDING, ABSENT), "quota")).isInstanceOf(Step.Move.class);
    assertThat(Lifecycle.afterSubmissionFailed(withPolicy(facts(PENDING, ABSENT), 2), "quota"))
        .isInstanceOf(Step.Retry.class);
  }

  @Test
  void cancellingStopsTheDriverThenEndsCancelledAndIsNeverRetried() {
    assertThat(Lifecycle.decide(cancelled(facts(PENDING, ABSENT))))
        .isInstanceOfSatisfying(Step.Move.class, m -> assertThat(m.to()).isEqualTo(CANCELLED));
    assertThat(Lifecycle.decide(cancelled(facts(RUNNING, RUNS)))).isEqualTo(new Step.DeleteDriver("pi-driver"));
    assertThat(Lifecycle.decide(cancelled(facts(SUBMITTED, WAITING)))).isEqualTo(new Step.DeleteDriver("pi-driver"));
    assertThat(Lifecycle.decide(cancelled(facts(CANCEL_PENDING, RUNS)))).isInstanceOf(Step.WaitFor.class);
    assertThat(Lifecycle.decide(cancelled(facts(CANCEL_PENDING, ABSENT))))
        .isInstanceOfSatisfying(Step.Move.class, m -> assertThat(m.to()).isEqualTo(CANCELLED));
    var failedWhileCancelling = withPolicy(facts(RUNNING, new DriverState.Failed("pi-driver", 143, "Error")), 3);
    assertThat(Lifecycle.decide(cancelled(failedWhileCancelling)))
        .isInstanceOfSatisfying(Step.Move.class, m -> assertThat(m.to()).isEqualTo(FAILED));
  }

  @Test
  void aFinishedRunIsDeletedOnceItsTimeToLiveHasPassed() {
    var finished = new RunFacts(COMPLETED, 1, false, new RestartPolicy(), Optional.of(60L), Optional.empty(),
        Optional.of(NOW.minusSeconds(20)), ABSENT, true, NOW);
    assertThat(Lifecycle.decide(finished)).isInstanceOfSatisfying(Step.WaitFor.class,
        w -> assertThat(w.after()).isEqualTo(Duration.ofSeconds(40)));
    var expired = new RunFacts(FAILED, 1, false, new RestartPolicy(), Optional.of(10L), Optional.empty(),
        Optional.of(NOW.minusSeconds(20)), ABSENT, true, NOW);
    assertThat(Lifecycle.decide(expired)).isEqualTo(new Step.Expire());
    assertThat(Lifecycle.decide(facts(CANCELLED, ABSENT))).isEqualTo(new Step.Stay());
  }

  @Test
  void everyMoveADecisionMakesIsOneTheTableAllows() {
    for (var state : JobRunState.values()) {
      for (var driver : List.of(ABSENT, WAITING, RUNS, new DriverState.Succeeded("d", 0),
          new DriverState.Failed("d", 1, "Error"))) {
        for (var facts : List.of(facts(state, driver), cancelled(facts(state, driver)))) {
          var step = Lifecycle.decide(withPolicy(facts, 2));
          if (step instanceof Step.Move move) {
            assertThat(JobRunTransitions.allowed(state, move.to())).as(state + " -> " + move.to()).isTrue();
          }
          if (step instanceof Step.Retry) {
            assertThat(JobRunTransitions.allowed(state, PENDING)).as(state + " -> retry").isTrue();
          }
          if (step instanceof Step.DeleteDriver) {
            assertThat(JobRunTransitions.allowed(state, CANCEL_PENDING)).as(state + " -> cancel").isTrue();
          }
        }
      }
    }
  }
}
