package io.sparkube.submit.driver;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one submission creates, in the order and grouping Spark's client uses: the
 * pre-resources are applied before the driver pod exists, the resources after it (owned by it),
 * and the ConfigMap holding spark.properties comes last.
 */
public record DriverPlan(
    String namespace,
    Pod driverPod,
    List<HasMetadata> preResources,
    List<HasMetadata> resources,
    ConfigMap configMap,
    String appId) {

  public DriverPlan {
    preResources = List.copyOf(preResources);
    resources = List.copyOf(resources);
  }

  /** This plan with {@code objects} applied before the existing pre-resources. */
  public DriverPlan withPreResourcesFirst(List<HasMetadata> objects) {
    var all = new ArrayList<HasMetadata>(objects);
    all.addAll(preResources);
    return new DriverPlan(namespace, driverPod, all, resources, configMap, appId);
  }

  public String driverPodName() {
    return driverPod.getMetadata().getName();
  }

  /** {@code namespace:driver-pod}, the id spark-submit's --status and --kill take. */
  public String submissionId() {
    return namespace + ":" + driverPodName();
  }

  /** All objects, in creation order. */
  public List<HasMetadata> creationOrder() {
    var all = new ArrayList<HasMetadata>(preResources);
    all.add(driverPod);
    all.addAll(resources);
    all.add(configMap);
    return all;
  }
}
