package io.sparkube.staging.error;

import io.sparkube.model.error.SparkubeException;

/** A staging failure: one line naming the problem and the fix, and the kind that sets its HTTP status. */
public final class StagingException extends SparkubeException {
  private final Problem problem;

  public StagingException(Problem problem, String message) {
    super(problem.failure(), message);
    this.problem = problem;
  }

  public StagingException(Problem problem, String message, Throwable cause) {
    super(problem.failure(), message, cause);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
