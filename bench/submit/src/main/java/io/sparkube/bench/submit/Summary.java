package io.sparkube.bench.submit;

import io.sparkube.bench.Measurement;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Medians (and range) of one contender's runs. */
record Summary(String label, int runs, Stat toPodCreated, Stat processWall, Stat cpu) {

  record Stat(double median, double min, double max) {
    static Stat of(List<Measurement> runs, ToDoubleFunction<Measurement> field) {
      var sorted = runs.stream().mapToDouble(field).sorted().toArray();
      int n = sorted.length;
      double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      return new Stat(median, sorted[0], sorted[n - 1]);
    }

    String cell() {
      return String.format("%.0f ms (%.0f–%.0f)", median, min, max);
    }
  }

  static Summary of(String label, List<Measurement> runs) {
    return new Summary(label, runs.size(), Stat.of(runs, Measurement::toPodCreated),
        Stat.of(runs, Measurement::processWall), Stat.of(runs, Measurement::cpu));
  }

  /** How many times less the other takes than this one, by median. */
  static String ratio(Stat baseline, Stat ours) {
    return String.format("%.2fx", baseline.median() / ours.median());
  }
}
