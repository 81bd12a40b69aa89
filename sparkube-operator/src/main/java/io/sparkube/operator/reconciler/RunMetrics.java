package io.sparkube.operator.reconciler;

import io.sparkube.resources.SparkApplication;
import java.time.Duration;
import java.time.Instant;

/** What the operator measures about runs; the control plane's process turns it into Prometheus metrics. */
public interface RunMetrics {
  /** A run's attempt was submitted: {@code took} to plan and create, at {@code now}. */
  void submitted(SparkApplication app, Duration took, Instant now);

  RunMetrics NONE = (app, took, now) -> { };
}
