package io.sparkube.bench.controlplane;

import io.sparkube.bench.PodCreations;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Batches of StartJobRun calls at a fixed concurrency, each call ending when its run's driver pod
 * is created; every call has its own client token, so every call is a new run.
 */
final class JobRunBatches {
  /** How long the last drivers may keep the harness waiting without another one arriving. */
  private static final Duration QUIET_LIMIT = Duration.ofSeconds(60);
  private static final int SHOWN_BODY = 300;

  private final JobRunsApi api;
  private final String virtualCluster;
  private final String examplesJar;
  private final int concurrency;
  private final PodCreations pods;

  JobRunBatches(JobRunsApi api, String virtualCluster, String examplesJar, int concurrency, PodCreations pods) {
    this.api = api;
    this.virtualCluster = virtualCluster;
    this.examplesJar = examplesJar;
    this.concurrency = concurrency;
    this.pods = pods;
  }

  List<Attempt> run(String tokenPrefix, int runs) throws InterruptedException {
    var calls = FixedConcurrency.run(runs, concurrency, i -> start(tokenPrefix + i));
    return withDrivers(calls);
  }

  private Attempt start(String clientToken) throws InterruptedException {
    long start = System.nanoTime();
    try {
      var reply = api.startJobRun(virtualCluster, clientToken, examplesJar);
      if (reply.status() != 200) {
        var body = reply.body();
        return Attempt.failed(clientToken, start, "HTTP " + reply.status() + ": "
            + (body.length() > SHOWN_BODY ? body.substring(0, SHOWN_BODY) + "..." : body));
      }
      return new Attempt(reply.id(), start, null, null);
    } catch (IOException e) {
      return Attempt.failed(clientToken, start, e.toString());
    }
  }

  /**
   * Each started run with its driver pod's arrival, waiting while drivers keep arriving. Only runs
   * still without one are looked up again, so waiting costs the shared CPUs little.
   */
  private List<Attempt> withDrivers(List<Attempt> calls) throws InterruptedException {
    var attempts = new ArrayList<>(calls);
    var waiting = new ArrayList<Integer>();
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i).failure() == null) {
        waiting.add(i);
      }
    }
    long lastProgress = System.nanoTime();
    while (!waiting.isEmpty() && System.nanoTime() - lastProgress < QUIET_LIMIT.toNanos()) {
      int before = waiting.size();
      waiting.removeIf(i -> {
        var arrival = pods.labelled(ControlPlaneMeasurement.APPLICATION_LABEL, attempts.get(i).key());
        attempts.set(i, attempts.get(i).withArrival(arrival));
        return arrival != null;
      });
      if (waiting.size() < before) {
        lastProgress = System.nanoTime();
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    return attempts;
  }
}
