package io.sparkube.submit.follow;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Spark-shaped pods for tests, and status changes made the way a kubelet would report them. */
final class Pods {
  static final String NS = "jobs";
  static final String APP_ID = "spark-0123";

  private Pods() {}

  static Pod driver(String name) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace(NS)
        .addToLabels("spark-app-selector", APP_ID).addToLabels("spark-role", "driver")
        .addToLabels("spark-app-name", "pi").withCreationTimestamp("2026-01-01T00:00:00Z").endMetadata()
        .withNewSpec().addNewContainer().withName("sidecar").endContainer()
        .addNewContainer().withName("spark-kubernetes-driver").endContainer().endSpec()
        .withNewStatus().withPhase("Pending").endStatus().build();
  }

  static Pod executor(String name, String phase) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace(NS)
        .addToLabels("spark-app-selector", APP_ID).addToLabels("spark-role", "executor").endMetadata()
        .withNewSpec().addNewContainer().withName("spark-kubernetes-executor").endContainer().endSpec()
        .withNewStatus().withPhase(phase).endStatus().build();
  }

  static void create(KubernetesClient client, Pod pod) {
    client.pods().inNamespace(NS).resource(pod).create();
  }

  static void phase(KubernetesClient client, String name, String phase) {
    client.pods().inNamespace(NS).withName(name).edit(p -> new PodBuilder(p).editStatus().withPhase(phase)
        .endStatus().build());
  }

  static void terminated(KubernetesClient client, String name, String phase, int exitCode, String reason) {
    client.pods().inNamespace(NS).withName(name).edit(p -> new PodBuilder(p).editStatus().withPhase(phase)
        .withContainerStatuses(new ContainerStatusBuilder().withName("spark-kubernetes-driver")
            .withNewState().withNewTerminated().withExitCode(exitCode).withReason(reason).endTerminated()
            .endState().build(),
            new ContainerStatusBuilder().withName("sidecar").withNewState().withNewTerminated().withExitCode(0)
                .endTerminated().endState().build())
        .endStatus().build());
  }
}
