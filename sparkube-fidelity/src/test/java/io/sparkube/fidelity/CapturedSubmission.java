package io.sparkube.fidelity;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one submission left on an API server: the full spark-submit argv, every object in
 * first-write order, and the writes that made them.
 */
record CapturedSubmission(List<String> argv, List<HasMetadata> objects, List<String> writes) {

  CapturedSubmission {
    argv = List.copyOf(argv);
    objects = List.copyOf(objects);
    writes = List.copyOf(writes);
  }

  Pod driverPod() {
    return first(Pod.class).orElseThrow(() -> new IllegalStateException("no pod was created"));
  }

  Optional<Service> service() {
    return first(Service.class);
  }

  /** The ConfigMap holding spark.properties (other ConfigMaps, e.g. pod templates, may exist). */
  Optional<ConfigMap> driverConfigMap() {
    return objects.stream()
        .filter(ConfigMap.class::isInstance)
        .map(ConfigMap.class::cast)
        .filter(c -> c.getData() != null && c.getData().containsKey("spark.properties"))
        .findFirst();
  }

  /** The driver's spark.properties, parsed; empty when there is no driver ConfigMap. */
  Map<String, String> sparkProperties() {
    return driverConfigMap()
        .map(c -> PropertiesText.parse(c.getData().get("spark.properties")).entries())
        .orElse(Map.of());
  }

  <T extends HasMetadata> Optional<T> first(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** "Pod/name, Service/name, ..." in creation order. */
  String summary() {
    return String.join(", ", objects.stream()
        .map(o -> o.getKind() + "/" + o.getMetadata().getName())
        .toList());
  }
}
