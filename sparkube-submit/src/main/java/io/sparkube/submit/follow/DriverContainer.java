package io.sparkube.submit.follow;

import io.sparkube.submit.SparkLabels;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;

/**
 * The container running Spark in a driver pod. Spark names it spark-kubernetes-driver unless a pod
 * template names it otherwise, and appends it after any template sidecars, so it is the last one.
 */
final class DriverContainer {
  private DriverContainer() {}

  static Optional<String> name(Pod pod) {
    var containers = pod.getSpec() == null ? null : pod.getSpec().getContainers();
    if (containers == null || containers.isEmpty()) {
      return Optional.empty();
    }
    return containers.stream().map(c -> c.getName()).filter(SparkLabels.DRIVER_CONTAINER::equals).findFirst()
        .or(() -> Optional.of(containers.get(containers.size() - 1).getName()));
  }

  static Optional<ContainerStatus> status(Pod pod) {
    var statuses = pod.getStatus() == null ? null : pod.getStatus().getContainerStatuses();
    var name = name(pod);
    if (statuses == null || name.isEmpty()) {
      return Optional.empty();
    }
    return statuses.stream().filter(s -> name.get().equals(s.getName())).findFirst();
  }

  static Optional<ContainerStateTerminated> terminated(Pod pod) {
    return status(pod).map(s -> s.getState() == null ? null : s.getState().getTerminated());
  }

  static String phase(Pod pod) {
    return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Unknown" : pod.getStatus().getPhase();
  }

  static boolean finished(Pod pod) {
    var phase = phase(pod);
    return phase.equals("Succeeded") || phase.equals("Failed");
  }

  /**
   * The driver's exit code. A failed pod whose driver never ran (evicted, say) or exited 0 (a
   * sidecar failed, a deadline passed) gives 1: a failed job must not look like a success.
   */
  static int exitCode(Pod pod) {
    boolean failed = !phase(pod).equals("Succeeded");
    int code = terminated(pod).map(ContainerStateTerminated::getExitCode).orElse(failed ? 1 : 0);
    return failed && code == 0 ? 1 : code;
  }
}
