package io.sparkube.bench.staging;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How much CPU the rest of the machine takes from a run. On a shared machine another build can
 * halve a figure; each timed run therefore waits for a quiet machine first (bounded), and records
 * the share of the machine that other processes used while it ran, so a disturbed run shows.
 */
final class OtherLoad {
  /** Busy below this share of the machine, for {@code QUIET_WINDOWS} windows in a row, counts as quiet. */
  private static final double QUIET_SHARE = 0.10;
  private static final int QUIET_WINDOWS = 3;
  private static final long WINDOW_MS = 1000;
  private static final long SELF = ProcessHandle.current().pid();
  /** USER_HZ, the unit of /proc's CPU times: 100 on every Linux architecture Java runs on. */
  private static final int TICKS_PER_SECOND = 100;

  private final long startTicks;
  private final long startNanos;

  private OtherLoad(long startTicks, long startNanos) {
    this.startTicks = startTicks;
    this.startNanos = startNanos;
  }

  /** Starts counting other processes' CPU time from now. */
  static OtherLoad start() {
    return new OtherLoad(otherProcessTicks(), System.nanoTime());
  }

  /** The share of the machine's CPU other processes used since {@link #start()}, 0 to 1. */
  double share() {
    double cpuSeconds = (otherProcessTicks() - startTicks) / (double) TICKS_PER_SECOND;
    double wallSeconds = (System.nanoTime() - startNanos) / 1e9;
    return Math.max(0, cpuSeconds / (wallSeconds * Runtime.getRuntime().availableProcessors()));
  }

  /** Waits until the whole machine (this JVM idle meanwhile) has been quiet a few seconds, or gives up. */
  static void awaitQuiet(int maxWaitSeconds, PrintStream log) throws InterruptedException {
    if (maxWaitSeconds == 0) {
      return;
    }
    long deadline = System.currentTimeMillis() + maxWaitSeconds * 1000L;
    int quiet = 0;
    boolean told = false;
    while (quiet < QUIET_WINDOWS && System.currentTimeMillis() < deadline) {
      var window = start();
      Thread.sleep(WINDOW_MS);
      double busy = window.share();
      quiet = busy < QUIET_SHARE ? quiet + 1 : 0;
      if (quiet == 0 && !told) {
        log.printf("  waiting for a quiet machine (other processes use %.0f%% of it)%n", busy * 100);
        told = true;
      }
    }
    if (quiet < QUIET_WINDOWS) {
      log.println("  the machine stayed busy for " + maxWaitSeconds + " s; measuring anyway");
    }
  }

  /**
   * User and system time of every other user-space process (kernel threads are the kernel's work,
   * including the writeback and network work a transfer causes). A process that exits inside the
   * window takes its time with it, so this is a lower bound.
   */
  private static long otherProcessTicks() {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(p -> Long.parseLong(p.getFileName().toString()) != SELF).mapToLong(OtherLoad::userSpaceTicks).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  private static long userSpaceTicks(Path proc) {
    try {
      var stat = Files.readString(proc.resolve("stat"));
      // Fields after the command name, which may hold spaces: state ppid ... utime (12th) stime (13th).
      var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long pid = Long.parseLong(proc.getFileName().toString());
      long parent = Long.parseLong(fields[1]);
      if (pid == 2 || parent == 2) {
        return 0;
      }
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return 0; // gone meanwhile
    }
  }
}
