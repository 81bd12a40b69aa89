package io.sparkube.bench.staging;

import java.util.List;
import java.util.Objects;

/**
 * What one fan-out did: aggregate throughput from the release of all downloads to the last byte of
 * the last, per-download times, every failure, and the share of the machine other processes used.
 */
record FanoutResult(int downloads, long verifiedBytes, long wallNanos, long cpuNanos, List<Long> eachNanos,
    int shaChecked, List<String> failures, double otherCpu) {

  /** One download: its own start and end, the bytes it got if they checked out, and what went wrong if not. */
  record One(long start, long end, long verifiedBytes, boolean shaChecked, String problem) {}

  static FanoutResult of(long start, List<One> all, long cpuNanos) {
    long lastEnd = all.stream().mapToLong(One::end).max().orElse(start);
    return new FanoutResult(all.size(), all.stream().mapToLong(One::verifiedBytes).sum(), lastEnd - start, cpuNanos,
        all.stream().map(o -> o.end() - o.start()).toList(),
        (int) all.stream().filter(o -> o.shaChecked() && o.problem() == null).count(),
        all.stream().map(One::problem).filter(Objects::nonNull).toList(), 0);
  }

  FanoutResult withOtherCpu(double share) {
    return new FanoutResult(downloads, verifiedBytes, wallNanos, cpuNanos, eachNanos, shaChecked, failures, share);
  }

  /** Aggregate, as one transfer of every verified byte over the fan-out's wall time. */
  Transfer aggregate() {
    return new Transfer(verifiedBytes, wallNanos, cpuNanos);
  }

  double percentileSeconds(double p) {
    return Stats.percentile(eachNanos, p) / 1e9;
  }
}
