package io.sparkube.bench.staging;

/** One timed move of {@code bytes}: wall time, and the CPU time this JVM spent on it. Rates are in MiB/s. */
record Transfer(long bytes, long nanos, long cpuNanos) {
  double mibPerSecond() {
    return bytes / (1024.0 * 1024.0) / (nanos / 1e9);
  }

  double seconds() {
    return nanos / 1e9;
  }

  /** CPU seconds per GiB moved: what the move costs, whatever else the machine was doing. */
  double cpuSecondsPerGib() {
    return cpuNanos / 1e9 / (bytes / (double) (1L << 30));
  }
}
