package io.sparkube.submit.driver;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Splits a template pod into the Spark container and the rest, as Spark's selectSparkContainer. */
final class PodTemplates {
  private PodTemplates() {}

  static SparkPod selectSparkContainer(Pod template, Optional<String> containerName) {
    var pod = new PodBuilder(template).editOrNewSpec().endSpec().build();
    List<Container> containers = pod.getSpec().getContainers() == null ? List.of() : pod.getSpec().getContainers();
    // A named container that is missing or ambiguous falls back to the first, with Spark's warning.
    var named = containerName.flatMap(name -> {
      var matches = containers.stream().filter(c -> name.equals(c.getName())).toList();
      return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    });
    var spark = named.or(() -> containers.stream().findFirst());
    if (spark.isEmpty()) {
      return new SparkPod(pod, new ContainerBuilder().build());
    }
    var rest = new ArrayList<>(containers);
    rest.remove(spark.get());
    return new SparkPod(new PodBuilder(pod).editSpec().withContainers(rest).endSpec().build(), spark.get());
  }
}
