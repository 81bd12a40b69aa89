package io.sparkube.bench.staging;

/** One run's figures as they come, for whoever watches the run. */
final class ConsoleLine {
  private ConsoleLine() {}

  static String of(String label, StreamRun run) {
    return String.format("%-34s up %5.0f MiB/s (%.2f s, body part %.2f s, cpu %.2f s)  down %5.0f MiB/s (%.2f s,"
        + " cpu %.2f s)  others %.0f%%", label, run.upload().mibPerSecond(), run.upload().seconds(),
        run.put().seconds(), run.upload().cpuNanos() / 1e9, run.download().mibPerSecond(), run.download().seconds(),
        run.download().cpuNanos() / 1e9, run.otherCpu() * 100);
  }

  static String of(String label, FanoutResult f) {
    return String.format("%-34s aggregate %5.0f MiB/s over %.2f s (cpu %.2f s)  p50 %.2f s  p99 %.2f s  failed %d of"
        + " %d  others %.0f%%", label, f.aggregate().mibPerSecond(), f.aggregate().seconds(),
        f.cpuNanos() / 1e9, f.percentileSeconds(50), f.percentileSeconds(99), f.failures().size(), f.downloads(),
        f.otherCpu() * 100);
  }
}
