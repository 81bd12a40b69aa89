package io.sparkube.staging.jobs;

import io.fabric8.kubernetes.api.model.Pod;
import io.sparkube.staging.error.StagingException;
import io.sparkube.staging.service.JobId;
import java.util.Optional;
import java.util.Set;

/** What a Spark driver pod says about its job: which job it runs (the id submit staged under) and whether it ended. */
final class DriverPods {
  static final String ROLE_LABEL = "spark-role";
  static final String DRIVER = "driver";
  /** Spark's application id, which sparkube submit references the job's files under. */
  static final String APP_ID_LABEL = "spark-app-selector";
  private static final Set<String> ENDED_PHASES = Set.of("Succeeded", "Failed");

  private DriverPods() {}

  /** The job the pod runs; empty for a pod without a usable application id, which no job staged under. */
  static Optional<JobId> jobOf(Pod pod) {
    var labels = pod.getMetadata().getLabels();
    var appId = labels == null ? null : labels.get(APP_ID_LABEL);
    if (appId == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new JobId(appId));
    } catch (StagingException e) {
      return Optional.empty();
    }
  }

  static boolean ended(Pod pod) {
    return pod.getStatus() != null && ENDED_PHASES.contains(pod.getStatus().getPhase());
  }

  static String nameOf(Pod pod) {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }
}
