package io.sparkube.submit.driver;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/** Finds the Spark container in a template pod, as Spark's selectSparkContainer does. */
public final class PodTemplates {
  private PodTemplates() {}

  static SparkPod selectSparkContainer(Pod template, Optional<String> containerName) {
    var pod = new PodBuilder(template).editOrNewSpec().endSpec().build();
    List<Container> containers = containers(pod);
    var index = sparkContainerIndex(pod, containerName);
    if (index.isEmpty()) {
      return new SparkPod(pod, new ContainerBuilder().build());
    }
    var rest = new ArrayList<>(containers);
    var spark = rest.remove(index.getAsInt());
    return new SparkPod(new PodBuilder(pod).editSpec().withContainers(rest).endSpec().build(), spark);
  }

  /**
   * Which of the template's containers Spark runs in: the one named, if exactly one has that name,
   * else the first (Spark warns and falls back); none when the template has no containers.
   */
  public static OptionalInt sparkContainerIndex(Pod template, Optional<String> containerName) {
    var containers = containers(template);
    var named = containerName.stream()
        .flatMapToInt(name -> {
          var matches = IntStream.range(0, containers.size())
              .filter(i -> name.equals(containers.get(i).getName())).toArray();
          return matches.length == 1 ? IntStream.of(matches[0]) : IntStream.empty();
        })
        .findFirst();
    return named.isPresent() || containers.isEmpty() ? named : OptionalInt.of(0);
  }

  private static List<Container> containers(Pod pod) {
    return pod.getSpec() == null || pod.getSpec().getContainers() == null ? List.of() : pod.getSpec().getContainers();
  }
}
