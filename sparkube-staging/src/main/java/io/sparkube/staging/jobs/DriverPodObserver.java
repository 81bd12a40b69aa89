package io.sparkube.staging.jobs;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.sparkube.staging.service.JobId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches Spark driver pods (one informer per namespace, or one for all) and reports each job
 * whose driver ended. It only observes: releasing is the reaper's. It starts in the background,
 * so a watch that cannot start (no RBAC, no API server) costs one warning, never the server.
 */
public final class DriverPodObserver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DriverPodObserver.class);

  private final KubernetesClient client;
  private final List<String> namespaces;
  private final DriverPodEvents events;
  private final AtomicReference<WatchState> state = new AtomicReference<>(WatchState.STARTING);
  private final List<SharedIndexInformer<Pod>> informers = new ArrayList<>();
  private final CompletableFuture<WatchState> started = new CompletableFuture<>();

  /** @param namespaces the namespaces to watch; empty for all */
  public DriverPodObserver(KubernetesClient client, List<String> namespaces, Consumer<JobEnded> onEnded) {
    this.client = client;
    this.namespaces = List.copyOf(namespaces);
    this.events = new DriverPodEvents(onEnded);
  }

  /** Starts watching in the background; completes with WATCHING or FAILED (never exceptionally). */
  public CompletionStage<WatchState> start() {
    var thread = new Thread(this::run, "staging-job-watch-start");
    thread.setDaemon(true);
    thread.start();
    return started;
  }

  public WatchState state() {
    return state.get();
  }

  /**
   * The jobs with a driver pod not yet ended, or empty while that is not known (starting, failed,
   * or re-listing after a lost watch): nobody may conclude a job has no driver from an empty look.
   */
  public Optional<Set<JobId>> liveJobs() {
    List<SharedIndexInformer<Pod>> current;
    synchronized (informers) {
      current = List.copyOf(informers);
    }
    if (state() != WatchState.WATCHING
        || !current.stream().allMatch(informer -> informer.hasSynced() && informer.isWatching())) {
      return Optional.empty();
    }
    return Optional.of(current.stream().flatMap(informer -> informer.getStore().list().stream())
        .filter(pod -> !DriverPods.ended(pod)).map(DriverPods::jobOf).flatMap(Optional::stream)
        .collect(Collectors.toUnmodifiableSet()));
  }

  private void run() {
    try {
      // A one-item list first: a missing grant then shows as one clear warning, before an
      // informer would log its own stack trace for it.
      scopes().forEach(pods -> pods.list(new ListOptionsBuilder().withLimit(1L).build()));
      var starting = new ArrayList<CompletableFuture<Void>>();
      for (var pods : scopes()) {
        synchronized (informers) {
          if (state() == WatchState.STOPPED) {
            return;
          }
          var informer = pods.runnableInformer(0).addEventHandler(events);
          informers.add(informer);
          starting.add(informer.start().toCompletableFuture());
          informer.stopped().whenComplete((ignored, failure) -> {
            if (failure != null) {
              fail(failure);
            }
          });
        }
      }
      CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
      if (state.updateAndGet(s -> s.to(WatchState.WATCHING)) == WatchState.WATCHING) {
        LOG.info("watching Spark driver pods {}; a job's files are released when its driver ends", where());
      }
    } catch (RuntimeException e) {
      fail(e);
    } finally {
      started.complete(state());
    }
  }

  private void fail(Throwable failure) {
    var before = state.getAndUpdate(s -> s.to(WatchState.FAILED));
    // Warned once: later failures (each informer's stop, a close racing a start) change nothing.
    if (before.to(WatchState.FAILED) != before) {
      LOG.warn(WatchFailure.describe(failure, namespaces, client.getConfiguration().getMasterUrl()));
      stopInformers();
    }
  }

  private List<FilterWatchListDeletable<Pod, PodList, PodResource>> scopes() {
    if (namespaces.isEmpty()) {
      return List.of(client.pods().inAnyNamespace().withLabel(DriverPods.ROLE_LABEL, DriverPods.DRIVER));
    }
    return namespaces.stream()
        .map(ns -> client.pods().inNamespace(ns).withLabel(DriverPods.ROLE_LABEL, DriverPods.DRIVER)).toList();
  }

  private String where() {
    return namespaces.isEmpty() ? "in all namespaces" : "in namespace(s) " + String.join(", ", namespaces);
  }

  private void stopInformers() {
    synchronized (informers) {
      informers.forEach(SharedIndexInformer::stop);
    }
  }

  @Override
  public void close() {
    state.updateAndGet(s -> s.to(WatchState.STOPPED));
    stopInformers();
  }
}
