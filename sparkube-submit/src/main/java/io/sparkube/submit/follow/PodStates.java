package io.sparkube.submit.follow;

import io.fabric8.kubernetes.api.model.Pod;

/** One-line descriptions of a driver pod, the compact cousin of Spark's formatPodState. */
public final class PodStates {
  private PodStates() {}

  /** e.g. {@code jobs:pi-driver Failed (container spark-kubernetes-driver terminated, exit code 1: Error)}. */
  public static String describe(Pod pod) {
    var id = pod.getMetadata().getNamespace() + ":" + pod.getMetadata().getName();
    var line = id + " " + DriverContainer.phase(pod);
    var reason = pod.getStatus() == null ? null : pod.getStatus().getReason();
    if (reason != null) {
      line += " [" + reason + "]";
    }
    return line + DriverContainer.name(pod).map(name -> " (container " + name + " " + container(pod) + ")")
        .orElse("");
  }

  private static String container(Pod pod) {
    var state = DriverContainer.status(pod).map(s -> s.getState()).orElse(null);
    if (state == null) {
      return "not started";
    }
    if (state.getTerminated() != null) {
      var t = state.getTerminated();
      return "terminated, exit code " + t.getExitCode() + (t.getReason() == null ? "" : ": " + t.getReason());
    }
    if (state.getRunning() != null) {
      return "running since " + state.getRunning().getStartedAt();
    }
    if (state.getWaiting() != null) {
      var w = state.getWaiting();
      return "waiting" + (w.getReason() == null ? "" : ": " + w.getReason())
          + (w.getMessage() == null ? "" : " (" + w.getMessage().replaceAll("\\s+", " ") + ")");
    }
    return "in an unknown state";
  }
}
