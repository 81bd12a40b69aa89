package io.sparkube.bench.controlplane;

import java.util.List;
import java.util.Locale;

/**
 * What a batch of attempts showed: how many got a driver pod, at what rate, and how long after
 * they were asked for. Any failure invalidates the batch's figures.
 *
 * @param perSecond admitted runs over the time from the first ask to the last driver pod
 * @param sustainedPerSecond the rate over the middle 80% of driver pod arrivals, leaving out the ramp
 *     up and the tail
 * @param failures what went wrong, one line per failed attempt
 */
record Admission(int attempts, int admitted, List<String> failures, double perSecond, double sustainedPerSecond,
    double p50Millis, double p99Millis, double maxMillis, double seconds) {

  static Admission of(List<Attempt> attempts) {
    var admitted = attempts.stream().filter(Attempt::admitted).toList();
    var failures = attempts.stream().filter(a -> !a.admitted()).map(a -> a.key() + ": " + a.why()).toList();
    if (admitted.isEmpty()) {
      return new Admission(attempts.size(), 0, failures, 0, 0, Double.NaN, Double.NaN, Double.NaN, 0);
    }
    long first = attempts.stream().mapToLong(Attempt::startNanos).min().orElseThrow();
    var arrivals = admitted.stream().mapToLong(Attempt::arrivalNanos).sorted().toArray();
    double seconds = (arrivals[arrivals.length - 1] - first) / 1e9;
    var latencies = admitted.stream().mapToDouble(a -> (a.arrivalNanos() - a.startNanos()) / 1e6).sorted().toArray();
    return new Admission(attempts.size(), admitted.size(), failures, admitted.size() / seconds, sustained(arrivals),
        percentile(latencies, 50), percentile(latencies, 99), latencies[latencies.length - 1], seconds);
  }

  /** Arrivals per second between the 10th and the 90th percentile arrival; NaN for fewer than 10. */
  static double sustained(long[] sortedArrivals) {
    int n = sortedArrivals.length;
    if (n < 10) {
      return Double.NaN;
    }
    int from = (int) Math.floor(0.1 * (n - 1));
    int to = (int) Math.ceil(0.9 * (n - 1));
    return (to - from) / ((sortedArrivals[to] - sortedArrivals[from]) / 1e9);
  }

  /** Nearest rank: the smallest value with at least p% of the values at or below it. */
  static double percentile(double[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  boolean valid() {
    return failures.isEmpty();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%d of %d admitted in %.1f s: %.1f/s (sustained %.1f/s), p50 %.0f ms,"
        + " p99 %.0f ms, max %.0f ms%s", admitted, attempts, seconds, perSecond, sustainedPerSecond, p50Millis,
        p99Millis, maxMillis, failures.isEmpty() ? "" : ", " + failures.size() + " FAILED, e.g. " + failures.get(0));
  }
}
