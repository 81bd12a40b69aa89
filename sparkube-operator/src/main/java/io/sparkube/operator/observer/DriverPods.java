package io.sparkube.operator.observer;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.sparkube.operator.lifecycle.DriverState;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a run's driver pods: which one belongs to the current attempt, and what it shows. The
 * labels are put on the driver by the operator's submission, so executors never match.
 */
public final class DriverPods {
  public static final String APPLICATION_LABEL = "sparkube.io/application";
  public static final String ATTEMPT_LABEL = "sparkube.io/attempt";
  /** The driver container's name in Spark's pod builder. */
  private static final String DRIVER_CONTAINER = "spark-kubernetes-driver";

  private DriverPods() {}

  public static Map<String, String> labels(String application, int attempt) {
    return Map.of(APPLICATION_LABEL, application, ATTEMPT_LABEL, Integer.toString(attempt));
  }

  public static Optional<Pod> ofAttempt(Collection<Pod> pods, int attempt) {
    var wanted = Integer.toString(attempt);
    return pods.stream().filter(p -> wanted.equals(p.getMetadata().getLabels().get(ATTEMPT_LABEL))).findFirst();
  }

  public static DriverState stateOf(Optional<Pod> pod) {
    if (pod.isEmpty()) {
      return new DriverState.Absent();
    }
    var name = pod.get().getMetadata().getName();
    var status = pod.get().getStatus();
    var phase = status == null || status.getPhase() == null ? "Pending" : status.getPhase();
    return switch (phase) {
      case "Running" -> new DriverState.Running(name);
      case "Succeeded" -> new DriverState.Succeeded(name, exitCode(pod.get()).orElse(0));
      case "Failed" -> new DriverState.Failed(name, exitCode(pod.get()).orElse(-1), reason(pod.get()));
      default -> new DriverState.Waiting(name);
    };
  }

  private static Optional<ContainerStatus> driverContainer(Pod pod) {
    var statuses = pod.getStatus().getContainerStatuses();
    if (statuses == null || statuses.isEmpty()) {
      return Optional.empty();
    }
    return statuses.stream().filter(s -> DRIVER_CONTAINER.equals(s.getName())).findFirst()
        .or(() -> Optional.of(statuses.get(0)));
  }

  private static Optional<Integer> exitCode(Pod pod) {
    return driverContainer(pod).map(ContainerStatus::getState).filter(s -> s.getTerminated() != null)
        .map(s -> s.getTerminated().getExitCode());
  }

  /** The container's reason (Error, OOMKilled), else the pod's (Evicted), else the phase. */
  private static String reason(Pod pod) {
    return driverContainer(pod).map(ContainerStatus::getState).filter(s -> s.getTerminated() != null)
        .map(s -> s.getTerminated().getReason())
        .or(() -> Optional.ofNullable(pod.getStatus().getReason()))
        .orElse("Failed");
  }
}
