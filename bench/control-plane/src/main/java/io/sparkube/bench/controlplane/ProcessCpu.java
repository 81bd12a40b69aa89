package io.sparkube.bench.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * User plus system CPU a process has used so far, all its threads, from /proc/PID/stat; and the
 * whole machine's, from /proc/stat, so that what other processes used can be told apart.
 */
final class ProcessCpu {
  private static final long CLOCK_TICKS = clockTicks();

  private ProcessCpu() {}

  static double seconds(long pid) {
    try {
      return ofStat(Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.US_ASCII), CLOCK_TICKS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
    }
  }

  /** CPU time the whole machine has been busy so far, all CPUs: everything but idle and I/O wait. */
  static double machineSeconds() {
    try {
      return ofMachineStat(Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.US_ASCII).get(0), CLOCK_TICKS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/stat", e);
    }
  }

  /** The first line: cpu user nice system idle iowait irq softirq steal (guest time is in user already). */
  static double ofMachineStat(String cpuLine, long clockTicks) {
    var fields = cpuLine.strip().split("\\s+");
    long busy = 0;
    for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
      busy += Long.parseLong(fields[i]);
    }
    return busy / (double) clockTicks;
  }

  /** utime and stime are fields 14 and 15; the command name (field 2, in parentheses) may hold spaces. */
  static double ofStat(String stat, long clockTicks) {
    var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) clockTicks;
  }

  private static long clockTicks() {
    try {
      var process = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      var text = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
      process.waitFor();
      return Long.parseLong(text);
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("cannot read the clock tick rate (getconf CLK_TCK)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading the clock tick rate", e);
    }
  }
}
