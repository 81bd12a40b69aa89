package io.sparkube.bench.staging;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * Wall time and this JVM's CPU time (user and system, all threads) from start to stop. The CPU
 * figure is the steadier of the two on a shared machine: another process's build slows the wall
 * clock but adds nothing to what moving the bytes cost here.
 */
final class Stopwatch {
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final long startNanos;
  private final long startCpuNanos;

  private Stopwatch(long startNanos, long startCpuNanos) {
    this.startNanos = startNanos;
    this.startCpuNanos = startCpuNanos;
  }

  static Stopwatch start() {
    return new Stopwatch(System.nanoTime(), OS.getProcessCpuTime());
  }

  Transfer stop(long bytes) {
    return new Transfer(bytes, System.nanoTime() - startNanos, OS.getProcessCpuTime() - startCpuNanos);
  }
}
