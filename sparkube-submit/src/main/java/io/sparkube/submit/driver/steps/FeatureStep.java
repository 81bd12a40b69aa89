package io.sparkube.submit.driver.steps;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.sparkube.submit.driver.SparkPod;
import java.util.List;
import java.util.Map;

/**
 * One concern of the driver pod: it takes the pod built so far and returns it with one thing
 * added, and may contribute driver properties and extra objects. Mirrors one of Spark's feature
 * step classes, named by {@link #sparkClassName()} so 4.1's excludedFeatureSteps can name it.
 */
public sealed interface FeatureStep
    permits BasicDriverStep, CredentialsStep, DriverServiceStep, MountSecretsStep, EnvSecretsStep,
        MountVolumesStep, DriverCommandStep, HadoopConfStep, KerberosConfStep, PodTemplateConfigMapStep,
        LocalDirsStep {

  String SPARK_FEATURES = "org.apache.spark.deploy.k8s.features.";

  SparkPod configurePod(SparkPod pod);

  /** Properties the driver receives in spark.properties on top of the submitted conf. */
  default Map<String, String> systemProperties() {
    return Map.of();
  }

  /** Objects that must exist before the driver pod. */
  default List<HasMetadata> preResources() {
    return List.of();
  }

  /** Objects created after the driver pod, owned by it. */
  default List<HasMetadata> resources() {
    return List.of();
  }

  String sparkClassName();
}
