package io.sparkube.submit.follow;

import io.sparkube.submit.SparkLabels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.Reporter;
import io.sparkube.submit.kube.ApiCall;
import io.sparkube.submit.kube.ApiFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows a submitted job to its end: one informer on the application's pods (driver and
 * executors share the spark-app-selector label) replaces Spark's watch-and-recheck loop, and a
 * status line goes to the reporter every report interval.
 */
public final class JobFollower {
  private final KubernetesClient client;
  private final Reporter reporter;
  private final Clock clock;
  private final Duration reportInterval;

  public JobFollower(KubernetesClient client, Reporter reporter, Clock clock, Duration reportInterval) {
    this.client = client;
    this.reporter = reporter;
    this.clock = clock;
    this.reportInterval = reportInterval;
  }

  /** Blocks until the driver finishes and returns its container's exit code. */
  public int follow(String namespace, String driverName, String appId) throws InterruptedException {
    var id = namespace + ":" + driverName;
    var started = clock.instant();
    var watch = new JobWatch(namespace, driverName, reporter);
    var call = ApiCall.of(client, "watch", "pods", namespace, null);
    SharedIndexInformer<Pod> informer = ApiFailures.call(call, () -> client.pods().inNamespace(namespace)
        .withLabel(SparkLabels.APP_ID, appId).inform(watch));
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      var thread = new Thread(r, "sparkube-report");
      thread.setDaemon(true);
      return thread;
    });
    try {
      informer.stopped().whenComplete((ignored, error) -> {
        if (error != null) {
          watch.finished().completeExceptionally(ApiFailures.translate(error, call));
        }
      });
      watch.synced(informer.getStore());
      long every = reportInterval.toMillis();
      ticker.scheduleAtFixedRate(() -> reporter.status(snapshot(informer, watch).line(id, since(started))),
          every, every, TimeUnit.MILLISECONDS);
      var driver = watch.finished().get();
      reporter.status(snapshot(informer, watch).line(id, since(started)));
      reporter.info("Driver " + PodStates.describe(driver));
      return DriverContainer.exitCode(driver);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof SparkubeException known ? known : ApiFailures.translate(e.getCause(), call);
    } finally {
      ticker.shutdownNow();
      informer.close();
    }
  }

  private JobSnapshot snapshot(SharedIndexInformer<Pod> informer, JobWatch watch) {
    var executors = informer.getStore().list().stream()
        .filter(p -> p.getMetadata().getLabels() != null
            && SparkLabels.EXECUTOR.equals(p.getMetadata().getLabels().get(SparkLabels.ROLE))).toList();
    return JobSnapshot.of(watch.driver(informer.getStore()), executors);
  }

  private Duration since(Instant started) {
    return Duration.between(started, clock.instant());
  }
}
