package io.sparkube.bench.controlplane;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code count} jobs from exactly {@code concurrency} threads, each taking the next job as soon
 * as its last one is done, so that {@code concurrency} are always in flight and none waits in a queue
 * (a queued job's wait would count against it).
 */
final class FixedConcurrency {
  /** One job, by its index; returns what it measured and never throws for a failed job. */
  interface Job {
    Attempt run(int index) throws InterruptedException;
  }

  private FixedConcurrency() {}

  static List<Attempt> run(int count, int concurrency, Job job) throws InterruptedException {
    var results = new Attempt[count];
    var next = new AtomicInteger();
    var pool = Executors.newFixedThreadPool(concurrency);
    try {
      var workers = new ArrayList<Future<?>>();
      for (int t = 0; t < concurrency; t++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            results[i] = job.run(i);
          }
          return null;
        }));
      }
      for (var worker : workers) {
        worker.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("a job threw instead of reporting its failure", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return Arrays.asList(results);
  }
}
