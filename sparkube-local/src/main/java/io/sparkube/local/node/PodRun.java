package io.sparkube.local.node;

import io.fabric8.kubernetes.api.model.Pod;
import io.sparkube.local.image.LocalImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

/** A pod on this node: its lifecycle state, address, directory and containers. */
final class PodRun {
  Pod pod;
  private PodState state = PodState.PENDING;
  String ip;
  boolean ipReleased;
  final String startTime = Instant.now().toString();
  final Path dir;
  final Map<String, ContainerRun> containers = new LinkedHashMap<>();
  /** Kept from the start, for restarts: images by container name, volumes by volume name. */
  Map<String, LocalImage> images = Map.of();
  Map<String, PreparedVolume> volumes = Map.of();
  ScheduledFuture<?> killTimer;
  ScheduledFuture<?> retryTimer;
  /** The waiting reason and message last written, so an unchanged wait is not written again. */
  String lastWaiting;

  PodRun(Pod pod, Path dir) {
    this.pod = pod;
    this.dir = dir;
    pod.getSpec().getContainers().forEach(c -> containers.put(c.getName(), new ContainerRun(c)));
  }

  PodState state() {
    return state;
  }

  void moveTo(PodState target) {
    state = state.next(target);
  }

  String namespace() {
    return pod.getMetadata().getNamespace();
  }

  String name() {
    return pod.getMetadata().getName();
  }

  String hostname() {
    var hostname = pod.getSpec().getHostname();
    return hostname != null ? hostname : name();
  }

  Path hostsFile() {
    return dir.resolve("hosts");
  }

  boolean hasLiveProcesses() {
    return containers.values().stream().anyMatch(c -> c.process != null);
  }

  boolean allTerminated() {
    return containers.values().stream().allMatch(c -> c.isTerminated() && c.pendingRestart == null);
  }

  boolean allSucceeded() {
    return containers.values().stream().allMatch(c -> c.state.getTerminated() != null
        && c.state.getTerminated().getExitCode() == 0);
  }

  void waitAll(String reason, String message) {
    containers.values().forEach(c -> c.state = ContainerRun.waiting(reason, message));
  }

  @Override
  public String toString() {
    return namespace() + "/" + name();
  }
}
