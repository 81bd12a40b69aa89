package io.sparkube.submit.driver;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

/**
 * A pod and its Spark container, travelling together so no step has to search for the
 * container. The pod's own container list holds only the other (sidecar) containers.
 */
public record SparkPod(Pod pod, Container container) {

  public static SparkPod initial() {
    return new SparkPod(new PodBuilder().withNewMetadata().endMetadata().withNewSpec().endSpec().build(),
        new ContainerBuilder().build());
  }

  public SparkPod withPod(Pod newPod) {
    return new SparkPod(newPod, container);
  }

  public SparkPod withContainer(Container newContainer) {
    return new SparkPod(pod, newContainer);
  }
}
