package io.sparkube.operator.lifecycle;

import static io.sparkube.resources.JobRunState.CANCELLED;
import static io.sparkube.resources.JobRunState.CANCEL_PENDING;
import static io.sparkube.resources.JobRunState.COMPLETED;
import static io.sparkube.resources.JobRunState.FAILED;
import static io.sparkube.resources.JobRunState.PENDING;
import static io.sparkube.resources.JobRunState.RUNNING;
import static io.sparkube.resources.JobRunState.SUBMITTED;

import io.sparkube.resources.JobRunState;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every move a job run may make, in one place. PENDING is re-entered by a retry; the final states
 * (COMPLETED, FAILED, CANCELLED) are left only by deleting the run.
 */
public final class JobRunTransitions {
  private static final Map<JobRunState, Set<JobRunState>> ALLOWED = new EnumMap<>(JobRunState.class);

  static {
    ALLOWED.put(PENDING, EnumSet.of(SUBMITTED, FAILED, CANCELLED));
    ALLOWED.put(SUBMITTED, EnumSet.of(RUNNING, COMPLETED, FAILED, PENDING, CANCEL_PENDING));
    ALLOWED.put(RUNNING, EnumSet.of(COMPLETED, FAILED, PENDING, CANCEL_PENDING));
    ALLOWED.put(CANCEL_PENDING, EnumSet.of(CANCELLED));
    ALLOWED.put(COMPLETED, EnumSet.noneOf(JobRunState.class));
    ALLOWED.put(FAILED, EnumSet.noneOf(JobRunState.class));
    ALLOWED.put(CANCELLED, EnumSet.noneOf(JobRunState.class));
  }

  private JobRunTransitions() {}

  public static boolean allowed(JobRunState from, JobRunState to) {
    return ALLOWED.get(from).contains(to);
  }

  /** @throws IllegalStateException for a move the table does not allow: a bug in a decision, not bad input */
  public static void requireAllowed(JobRunState from, JobRunState to) {
    if (!allowed(from, to)) {
      throw new IllegalStateException("a job run cannot go from " + from + " to " + to);
    }
  }
}
