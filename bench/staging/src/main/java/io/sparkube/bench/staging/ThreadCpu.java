package io.sparkube.bench.staging;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time by thread group between two moments, so an upload's cost can be split into the
 * client's hash, the HTTP client, the server's event loop and its I/O thread. Threads are grouped
 * by name without numbers ("staging-io-3" counts as "staging-io").
 */
final class ThreadCpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  /** Groups below this are left out: background noise, not part of the transfer. */
  private static final double MIN_SECONDS = 0.05;

  private final Map<Long, Long> startNanos;

  private ThreadCpu(Map<Long, Long> startNanos) {
    this.startNanos = startNanos;
  }

  static ThreadCpu start() {
    var start = new HashMap<Long, Long>();
    for (long id : THREADS.getAllThreadIds()) {
      start.put(id, THREADS.getThreadCpuTime(id));
    }
    return new ThreadCpu(start);
  }

  /** Seconds of CPU per thread group since {@link #start()}; threads that ended meanwhile are not counted. */
  Map<String, Double> secondsByGroup() {
    var groups = new TreeMap<String, Double>();
    for (var info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long now = THREADS.getThreadCpuTime(info.getThreadId());
      long spent = now - startNanos.getOrDefault(info.getThreadId(), 0L);
      if (now >= 0 && spent > 0) {
        groups.merge(info.getThreadName().replaceAll("-?\\d+", ""), spent / 1e9, Double::sum);
      }
    }
    groups.values().removeIf(seconds -> seconds < MIN_SECONDS);
    return groups;
  }
}
