package io.sparkube.operator.lifecycle;

import io.sparkube.resources.FailureReason;
import io.sparkube.resources.JobRunState;
import io.sparkube.resources.RetryableFailure;
import java.time.Duration;
import java.util.Optional;

/**
 * The job run state machine's decisions: from a run's observed facts to the one step to take. It
 * reads nothing and changes nothing, so every path is a plain unit test.
 */
public final class Lifecycle {
  /** How soon a run whose virtual cluster is full, or whose driver is stopping, is looked at again. */
  static final Duration RECHECK = Duration.ofSeconds(5);

  private Lifecycle() {}

  public static Step decide(RunFacts facts) {
    if (facts.state().isFinal()) {
      return afterTheEnd(facts);
    }
    return switch (facts.state()) {
      case PENDING -> pending(facts);
      case SUBMITTED, RUNNING -> started(facts);
      case CANCEL_PENDING -> cancelling(facts);
      default -> throw new IllegalStateException("not a live state: " + facts.state());
    };
  }

  /** A submission that failed for a reason that may pass: retried if the policy says so. */
  public static Step afterSubmissionFailed(RunFacts facts, String details) {
    return failed(facts, RetryableFailure.SUBMISSION_FAILED, FailureReason.CLUSTER_UNAVAILABLE, details);
  }

  private static Step pending(RunFacts facts) {
    // A driver made by a pass that did not live to record it is adopted first, even when the run
    // is being cancelled: the next pass then stops it, rather than leaving it to run unrecorded.
    if (!(facts.driver() instanceof DriverState.Absent)) {
      return new Step.Move(JobRunState.SUBMITTED, "found the driver of attempt " + facts.attempt()
          + ", created before the operator restarted", Optional.empty());
    }
    if (facts.cancelAsked()) {
      return new Step.Move(JobRunState.CANCELLED, "cancelled before it was submitted", Optional.empty());
    }
    var due = facts.nextAttemptAt().filter(at -> at.isAfter(facts.now()));
    if (due.isPresent()) {
      return new Step.WaitFor(Duration.between(facts.now(), due.get()), "attempt " + facts.attempt()
          + " is due at " + due.get());
    }
    if (!facts.roomToStart()) {
      return new Step.WaitFor(RECHECK, "waiting for its virtual cluster to run fewer jobs than its limit");
    }
    return new Step.Submit(facts.attempt());
  }

  private static Step started(RunFacts facts) {
    var driver = facts.driver();
    if (facts.cancelAsked() && (driver instanceof DriverState.Waiting || driver instanceof DriverState.Running)) {
      return new Step.DeleteDriver(podName(driver));
    }
    if (facts.cancelAsked() && driver instanceof DriverState.Absent) {
      return new Step.Move(JobRunState.CANCEL_PENDING, "cancel asked; the driver is already gone", Optional.empty());
    }
    if (driver instanceof DriverState.Running running) {
      return facts.state() == JobRunState.RUNNING ? new Step.Stay()
          : new Step.Move(JobRunState.RUNNING, "driver " + running.name() + " is running", Optional.empty());
    }
    if (driver instanceof DriverState.Succeeded done) {
      return new Step.Move(JobRunState.COMPLETED, "driver " + done.name() + " exited with code " + done.exitCode(),
          Optional.empty());
    }
    if (driver instanceof DriverState.Failed failed) {
      return failed(facts, RetryableFailure.DRIVER_FAILED, FailureReason.USER_ERROR, "driver " + failed.name()
          + " failed with exit code " + failed.exitCode() + " (" + failed.reason() + ")");
    }
    if (driver instanceof DriverState.Absent) {
      return failed(facts, RetryableFailure.DRIVER_LOST, FailureReason.CLUSTER_UNAVAILABLE,
          "the driver pod of attempt " + facts.attempt() + " is gone");
    }
    return new Step.Stay();
  }

  private static Step cancelling(RunFacts facts) {
    if (facts.driver() instanceof DriverState.Waiting || facts.driver() instanceof DriverState.Running) {
      return new Step.WaitFor(RECHECK, "waiting for driver " + podName(facts.driver()) + " to stop");
    }
    return new Step.Move(JobRunState.CANCELLED, "cancelled; its driver is stopped", Optional.empty());
  }

  private static Step failed(RunFacts facts, RetryableFailure failure, FailureReason reason, String details) {
    if (!facts.cancelAsked()) {
      var next = RetryRule.nextAttemptAt(facts.restartPolicy(), facts.attempt(), failure, facts.now());
      if (next.isPresent()) {
        return new Step.Retry(facts.attempt() + 1, next.get(), failure, details + "; attempt "
            + (facts.attempt() + 1) + " of " + facts.restartPolicy().getMaxAttempts() + " at " + next.get());
      }
    }
    return new Step.Move(JobRunState.FAILED, details, Optional.of(reason));
  }

  private static Step afterTheEnd(RunFacts facts) {
    if (facts.ttlSecondsAfterFinished().isEmpty() || facts.finishedAt().isEmpty()) {
      return new Step.Stay();
    }
    var due = facts.finishedAt().get().plusSeconds(facts.ttlSecondsAfterFinished().get());
    return due.isAfter(facts.now())
        ? new Step.WaitFor(Duration.between(facts.now(), due), "deleted at " + due + ", its time to live after finishing")
        : new Step.Expire();
  }

  private static String podName(DriverState driver) {
    return driver.podName().orElseThrow(() -> new IllegalStateException("no driver pod"));
  }
}
