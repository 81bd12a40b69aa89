package io.sparkube.bench.staging;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads, so a failed run still exits and a thread dump says whose threads are whose. */
final class DaemonThreads {
  private DaemonThreads() {}

  static ThreadFactory named(String prefix) {
    var count = new AtomicInteger();
    return r -> {
      var thread = new Thread(r, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
