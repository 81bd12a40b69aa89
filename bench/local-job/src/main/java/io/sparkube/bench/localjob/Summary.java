package io.sparkube.bench.localjob;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Medians (and range) of one contender's runs: wall time, and per milestone its phase and its time from the start. */
record Summary(String label, int runs, Stat wall, Map<Milestone, Stat> phases, Map<Milestone, Stat> cumulative) {

  record Stat(double median, double min, double max) {
    /** Null if no run has the value. */
    static Stat of(List<Run> runs, Function<Run, Double> field) {
      var sorted = runs.stream().map(field).filter(Objects::nonNull).mapToDouble(Double::doubleValue).sorted()
          .toArray();
      int n = sorted.length;
      if (n == 0) {
        return null;
      }
      double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      return new Stat(median, sorted[0], sorted[n - 1]);
    }

    String cell() {
      return String.format("%.0f ms (%.0f–%.0f)", median, min, max);
    }

    String seconds() {
      return String.format("%.2f s", median / 1000);
    }
  }

  static Summary of(String label, List<Run> runs) {
    var phases = new EnumMap<Milestone, Stat>(Milestone.class);
    var cumulative = new EnumMap<Milestone, Stat>(Milestone.class);
    for (var m : Milestone.values()) {
      var phase = Stat.of(runs, r -> r.phase(m));
      if (phase != null) {
        phases.put(m, phase);
        cumulative.put(m, Stat.of(runs, r -> r.at(m)));
      }
    }
    return new Summary(label, runs.size(), Stat.of(runs, Run::wall), phases, cumulative);
  }

  /** How many times longer {@code ours} takes than the baseline, by median. */
  static String ratio(Stat baseline, Stat ours) {
    return String.format("%.2fx", ours.median() / baseline.median());
  }
}
