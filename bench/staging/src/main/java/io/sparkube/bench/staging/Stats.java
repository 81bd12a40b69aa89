package io.sparkube.bench.staging;

import java.util.List;

/** Medians and percentiles, as the report states them. */
final class Stats {
  private Stats() {}

  static double median(List<Double> values) {
    var sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  /** Nearest rank: the smallest value with at least {@code p} percent of the values at or below it. */
  static double percentile(List<Long> values, double p) {
    var sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
