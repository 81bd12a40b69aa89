package io.sparkube.bench.localjob;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** One timed run: when its process started, and when each milestone it reached happened. */
record Run(Instant start, Map<Milestone, Instant> milestones) {

  Run {
    milestones = new EnumMap<>(milestones);
  }

  /** Milliseconds from the start to the milestone, or null if this run has no such milestone. */
  Double at(Milestone m) {
    var t = milestones.get(m);
    return t == null ? null : Duration.between(start, t).toNanos() / 1e6;
  }

  /**
   * Milliseconds from the latest earlier milestone this run has (or the start) to {@code m}, or null
   * if it has no {@code m}: a phase a contender lacks folds into its next one.
   */
  Double phase(Milestone m) {
    var end = at(m);
    if (end == null) {
      return null;
    }
    double begin = 0;
    for (var earlier : Milestone.values()) {
      if (earlier == m) {
        break;
      }
      var t = at(earlier);
      if (t != null) {
        begin = t;
      }
    }
    return end - begin;
  }

  double wall() {
    return at(Milestone.EXIT);
  }
}
