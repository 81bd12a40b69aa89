package io.sparkube.bench.staging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The guest kernel's free page reporting, paused for the run where it can be. On a VM whose balloon
 * driver reports free pages, the hypervisor takes them back, and the next write into one faults on
 * the host. On the benchmark machine that cost about 1.5 CPU-s per GiB, charged as system time to
 * whichever copy the kernel handed those pages: the same download loop into the same kind of file
 * took 4.1 s on reported pages and 1.2 s on reused ones. Which transfer pays depends on how much the
 * previous run freed at once (this kernel reports once a GiB is waiting), not on the contender, so
 * the harness pauses reporting and restores the setting when it ends, also on an interrupted run.
 */
final class FreePageReporting implements AutoCloseable {
  private static final Path ORDER = Path.of("/sys/module/page_reporting/parameters/page_reporting_order");
  /** Above the largest free block (order 10 on x86-64): no block qualifies for reporting. */
  private static final String NONE = "11";

  private final String description;
  private final String restore;
  private final Thread restoreOnExit;

  private FreePageReporting(String description, String restore) {
    this.description = description;
    this.restore = restore;
    this.restoreOnExit = new Thread(this::restore, "restore-page-reporting");
    if (restore != null) {
      Runtime.getRuntime().addShutdownHook(restoreOnExit);
    }
  }

  static FreePageReporting pause() {
    if (!Files.exists(ORDER)) {
      return new FreePageReporting("none on this machine (no page_reporting module)", null);
    }
    String was;
    try {
      was = Files.readString(ORDER).strip();
      Files.writeString(ORDER, NONE);
    } catch (IOException e) {
      return new FreePageReporting("left on, as " + ORDER + " could not be changed (" + e.getMessage()
          + "; run as root to pause it); figures may vary from run to run", null);
    }
    return new FreePageReporting("paused for the run (" + ORDER.getFileName() + " " + was + " → " + NONE
        + ", restored after)", was);
  }

  /** For a run that measures the machine as it is (--leave-page-reporting). */
  static FreePageReporting leave() {
    return new FreePageReporting(untouched(), null);
  }

  /** What the report says of it when it was not paused. */
  static String untouched() {
    return "left as it was";
  }

  String description() {
    return description;
  }

  private void restore() {
    try {
      Files.writeString(ORDER, restore);
    } catch (IOException e) {
      System.err.println("could not restore " + ORDER + " to " + restore + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    if (restore != null) {
      restore();
      Runtime.getRuntime().removeShutdownHook(restoreOnExit);
    }
  }
}
