package io.sparkube.submit.follow;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.Collection;

/** A job's state at one moment: the driver's phase and how its executors are doing. */
public record JobSnapshot(String driverPhase, int pendingExecutors, int runningExecutors, int failedExecutors) {

  static JobSnapshot of(Pod driver, Collection<Pod> executors) {
    int pending = 0;
    int running = 0;
    int failed = 0;
    for (var executor : executors) {
      switch (DriverContainer.phase(executor)) {
        case "Pending" -> pending++;
        case "Running" -> running++;
        case "Failed" -> failed++;
        default -> { }
      }
    }
    return new JobSnapshot(driver == null ? "Unknown" : DriverContainer.phase(driver), pending, running, failed);
  }

  /** e.g. {@code jobs:pi-driver Running, executors: 1 pending, 2 running, 0 failed, 1m05s}. */
  public String line(String submissionId, Duration elapsed) {
    return submissionId + " " + driverPhase + ", executors: " + pendingExecutors + " pending, "
        + runningExecutors + " running, " + failedExecutors + " failed, " + format(elapsed);
  }

  static String format(Duration elapsed) {
    long seconds = Math.max(0, elapsed.toSeconds());
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return String.format("%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format("%dh%02dm%02ds", seconds / 3600, seconds % 3600 / 60, seconds % 60);
  }
}
