package io.sparkube.bench.localjob;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the local cluster's pods in one namespace and notes, on this machine's clock, when each
 * pod was added, first reported Running, Succeeded, and deleted. Every event is also traced to a file.
 */
final class PodWatch implements AutoCloseable {
  enum Event { ADDED, RUNNING, SUCCEEDED, DELETED }

  private final KubernetesClient client;
  private final Watch watch;
  private final PrintWriter trace;
  private final Map<String, Map<Event, Instant>> pods = new ConcurrentHashMap<>();
  private final Map<String, String> owners = new ConcurrentHashMap<>();

  PodWatch(Path kubeconfig, String namespace, Path traceFile) throws IOException {
    trace = new PrintWriter(Files.newBufferedWriter(traceFile), true);
    client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build();
    watch = client.pods().inNamespace(namespace).watch(new Watcher<Pod>() {
      @Override
      public void eventReceived(Action action, Pod pod) {
        var now = Instant.now();
        trace.println(now + " " + action + " " + pod.getMetadata().getName() + " "
            + (pod.getStatus() == null ? null : pod.getStatus().getPhase()));
        pod.getMetadata().getOwnerReferences().stream().findFirst()
            .ifPresent(owner -> owners.put(pod.getMetadata().getName(), owner.getName()));
        var events = pods.computeIfAbsent(pod.getMetadata().getName(), n -> new EnumMap<>(Event.class));
        synchronized (events) {
          switch (action) {
            case ADDED -> events.putIfAbsent(Event.ADDED, now);
            case DELETED -> events.putIfAbsent(Event.DELETED, now);
            default -> { }
          }
          var phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
          if ("Running".equals(phase)) {
            events.putIfAbsent(Event.RUNNING, now);
          } else if ("Succeeded".equals(phase)) {
            events.putIfAbsent(Event.SUCCEEDED, now);
          }
        }
      }

      @Override
      public void onClose(WatcherException cause) {
        System.err.println("pod watch closed: " + cause);
      }
    });
  }

  /** The driver pod's and its executors' milestones; its executor pods are those it owns. */
  Map<Milestone, Instant> milestones(String driverPod) {
    var found = new EnumMap<Milestone, Instant>(Milestone.class);
    var driver = events(driverPod);
    put(found, Milestone.DRIVER_POD_CREATED, driver.get(Event.ADDED));
    put(found, Milestone.DRIVER_POD_RUNNING, driver.get(Event.RUNNING));
    var succeeded = driver.get(Event.SUCCEEDED);
    Instant lastGone = null;
    int executors = 0;
    for (var e : pods.entrySet()) {
      if (driverPod.equals(owners.get(e.getKey()))) {
        executors++;
        var gone = events(e.getKey()).get(Event.DELETED);
        if (gone == null) {
          return found; // not torn down (yet): leave TORN_DOWN out rather than guess
        }
        lastGone = lastGone == null || gone.isAfter(lastGone) ? gone : lastGone;
      }
    }
    if (succeeded != null && executors > 0) {
      put(found, Milestone.TORN_DOWN, succeeded.isAfter(lastGone) ? succeeded : lastGone);
    }
    return found;
  }

  /** Whether the driver Succeeded and every executor pod of it is deleted. */
  boolean tornDown(String driverPod) {
    return milestones(driverPod).containsKey(Milestone.TORN_DOWN);
  }

  private Map<Event, Instant> events(String pod) {
    var events = pods.getOrDefault(pod, Map.of());
    synchronized (events) {
      return Map.copyOf(events);
    }
  }

  private static void put(Map<Milestone, Instant> into, Milestone m, Instant t) {
    if (t != null) {
      into.put(m, t);
    }
  }

  @Override
  public void close() {
    watch.close();
    client.close();
    trace.close();
  }
}
