package io.sparkube.submit.follow;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.Store;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.Reporter;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Reacts to a job's pod events: announces driver phase changes and completes when the driver
 * finishes (with its pod) or is deleted (with a failure).
 */
final class JobWatch implements ResourceEventHandler<Pod> {
  private final String namespace;
  private final String driverName;
  private final Reporter reporter;
  private final CompletableFuture<Pod> finished = new CompletableFuture<>();
  private String lastPhase;

  JobWatch(String namespace, String driverName, Reporter reporter) {
    this.namespace = namespace;
    this.driverName = driverName;
    this.reporter = reporter;
  }

  CompletableFuture<Pod> finished() {
    return finished;
  }

  Pod driver(Store<Pod> store) {
    return store.getByKey(Cache.namespaceKeyFunc(namespace, driverName));
  }

  /** After the first list: a driver missing then was deleted before we looked. */
  void synced(Store<Pod> store) {
    var driver = driver(store);
    if (driver == null) {
      onDelete(null, false);
    } else {
      onUpdate(null, driver);
    }
  }

  @Override
  public void onAdd(Pod pod) {
    onUpdate(null, pod);
  }

  @Override
  public void onUpdate(Pod old, Pod pod) {
    if (!isDriver(pod)) {
      return;
    }
    reportPhaseChange(pod);
    if (DriverContainer.finished(pod)) {
      finished.complete(pod);
    }
  }

  @Override
  public void onDelete(Pod pod, boolean finalStateUnknown) {
    if (pod == null || isDriver(pod)) {
      finished.completeExceptionally(new SparkubeException(Failure.NOT_FOUND, "driver pod " + namespace + ":"
          + driverName + " was deleted before it finished; its logs are gone, check kubectl get events -n "
          + namespace));
    }
  }

  private boolean isDriver(Pod pod) {
    return driverName.equals(pod.getMetadata().getName());
  }

  /** Called from the informer's thread and from the follower's; one line per phase either way. */
  private synchronized void reportPhaseChange(Pod pod) {
    var phase = DriverContainer.phase(pod);
    if (!Objects.equals(phase, lastPhase)) {
      lastPhase = phase;
      reporter.info("Driver " + PodStates.describe(pod));
    }
  }
}
