package io.sparkube.bench.controlplane;

import io.sparkube.bench.Machine;
import io.sparkube.bench.SparkRuntime;
import java.time.ZonedDateTime;

/** Everything one benchmark run measured, and how it compares with the targets. */
record Results(ZonedDateTime at, Machine machine, SparkRuntime spark, Options options, LoadAverage loadBefore,
    ControlPlaneResult controlPlane, BaselineResult baseline) {
  static final double SUSTAINED_TARGET = 100;
  static final double RATIO_TARGET = 30;

  /** How many times spark-submit's rate the control plane admits, both over first ask to last driver. */
  double ratio() {
    return controlPlane.timed().perSecond() / baseline.timed().perSecond();
  }

  boolean sustainedMet() {
    return controlPlane.timed().valid() && controlPlane.timed().sustainedPerSecond() >= SUSTAINED_TARGET;
  }

  boolean ratioMet() {
    return controlPlane.timed().valid() && baseline.timed().valid() && ratio() >= RATIO_TARGET;
  }
}
