package io.sparkube.submit.driver;

import io.sparkube.model.SparkLine;
import io.sparkube.submit.SubmitRequest;

/**
 * Builds the driver's objects for one Spark line exactly as that line's own Kubernetes client
 * would: an ordered list of feature steps folded over an initial pod, then the ConfigMap.
 */
public final class DriverPlanner {
  private final SparkLine line;

  public DriverPlanner(SparkLine line) {
    this.line = line;
  }

  public SparkLine line() {
    return line;
  }

  public DriverPlan plan(SubmitRequest request, SubmissionIds ids) {
    throw new UnsupportedOperationException("being written");
  }
}
