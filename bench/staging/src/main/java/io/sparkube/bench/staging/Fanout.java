package io.sparkube.bench.staging;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Many downloads of one blob at once, as a job's executors each fetching its jar on start: one
 * thread and one connection each, released together. Bytes are checked, not written to disk (200
 * copies of a 100 MiB blob would be 20 GB of writes): every download's byte count and CRC32C, and
 * the SHA-256 of every {@code SHA_EVERY}th.
 */
final class Fanout {
  static final int SHA_EVERY = 20;
  private static final long DEADLINE_MINUTES = 10;

  private Fanout() {}

  static FanoutResult run(Download source, RandomBlob blob, int downloads) throws InterruptedException {
    var pool = Executors.newFixedThreadPool(downloads, DaemonThreads.named("fanout"));
    try {
      var ready = new CountDownLatch(downloads);
      var go = new CountDownLatch(1);
      var futures = new ArrayList<Future<FanoutResult.One>>();
      for (int i = 0; i < downloads; i++) {
        futures.add(pool.submit(one(source, blob, i % SHA_EVERY == 0, ready, go)));
      }
      ready.await();
      var watch = Stopwatch.start();
      long start = System.nanoTime();
      go.countDown();
      var results = new ArrayList<FanoutResult.One>();
      for (var future : futures) {
        results.add(outcome(future, start));
      }
      return FanoutResult.of(start, results, watch.stop(0).cpuNanos());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Callable<FanoutResult.One> one(Download source, RandomBlob blob, boolean withSha,
      CountDownLatch ready, CountDownLatch go) {
    return () -> {
      ready.countDown();
      go.await();
      long start = System.nanoTime();
      var sink = new VerifyingSink(withSha);
      String problem;
      try (var in = source.open()) {
        Copy.stream(in, sink);
        problem = sink.problemAgainst(blob).orElse(null);
      } catch (Exception e) {
        problem = e.toString();
      }
      return new FanoutResult.One(start, System.nanoTime(), problem == null ? sink.bytes() : 0, withSha, problem);
    };
  }

  /** Bounded, so a hung download is a failure in the report rather than a benchmark that never ends. */
  private static FanoutResult.One outcome(Future<FanoutResult.One> future, long start) throws InterruptedException {
    long left = TimeUnit.MINUTES.toNanos(DEADLINE_MINUTES) - (System.nanoTime() - start);
    try {
      return future.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException e) {
      future.cancel(true);
      long now = System.nanoTime();
      return new FanoutResult.One(start, now, 0, false, e.toString());
    }
  }
}
