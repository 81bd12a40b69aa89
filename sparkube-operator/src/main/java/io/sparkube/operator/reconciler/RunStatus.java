package io.sparkube.operator.reconciler;

import io.sparkube.operator.lifecycle.JobRunTransitions;
import io.sparkube.resources.JobRunState;
import io.sparkube.resources.SparkApplicationStatus;
import io.sparkube.resources.StateChange;
import java.time.Instant;
import java.util.ArrayList;

/**
 * A run's next status, built from its last one; every change of state goes through
 * {@link #enter}, which checks the move against the state machine and writes the history.
 */
final class RunStatus {
  /** Enough history to tell a run's story without letting a run that retries forever grow without end. */
  static final int HISTORY_KEPT = 50;

  private final SparkApplicationStatus status;

  private RunStatus(SparkApplicationStatus status) {
    this.status = status;
  }

  /** A copy of {@code last} to change, or a new run's status: PENDING, attempt 1. */
  static RunStatus from(SparkApplicationStatus last, Instant now) {
    var next = new SparkApplicationStatus();
    if (last == null || last.getState() == null) {
      next.setState(JobRunState.PENDING);
      next.setAttempt(1);
      next.setStateDetails("accepted; waiting to be submitted");
      next.getHistory().add(new StateChange(JobRunState.PENDING, now.toString(), next.getStateDetails()));
      return new RunStatus(next);
    }
    next.setState(last.getState());
    next.setStateDetails(last.getStateDetails());
    next.setFailureReason(last.getFailureReason());
    next.setAttempt(last.getAttempt() == null ? 1 : last.getAttempt());
    next.setAppId(last.getAppId());
    next.setDriverPod(last.getDriverPod());
    next.setDriverExitCode(last.getDriverExitCode());
    next.setDriverReason(last.getDriverReason());
    next.setSubmittedAt(last.getSubmittedAt());
    next.setFinishedAt(last.getFinishedAt());
    next.setNextAttemptAt(last.getNextAttemptAt());
    next.setHistory(new ArrayList<>(last.getHistory()));
    return new RunStatus(next);
  }

  void enter(JobRunState to, String details, Instant now) {
    JobRunTransitions.requireAllowed(status.getState(), to);
    status.setState(to);
    status.setStateDetails(details);
    if (to.isFinal()) {
      status.setFinishedAt(now.toString());
    }
    var history = status.getHistory();
    history.add(new StateChange(to, now.toString(), details));
    if (history.size() > HISTORY_KEPT) {
      history.subList(0, history.size() - HISTORY_KEPT).clear();
    }
  }

  SparkApplicationStatus value() {
    return status;
  }
}
