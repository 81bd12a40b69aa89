package io.sparkube.submit.driver.steps;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.sparkube.submit.driver.DriverConf;
import io.sparkube.submit.driver.DriverKeys;
import io.sparkube.submit.driver.SparkPod;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ships the executor pod template to the driver in a ConfigMap, since the file is only here. */
public final class PodTemplateConfigMapStep implements FeatureStep {
  static final String VOLUME = "pod-template-volume";
  static final String MOUNT_PATH = "/opt/spark/pod-template";
  static final String FILE_NAME = "pod-spec-template.yml";
  static final String KEY = "podspec-configmap-key";

  private final DriverConf conf;
  private final Optional<String> template;

  public PodTemplateConfigMapStep(DriverConf conf) {
    this.conf = conf;
    this.template = conf.executorPodTemplateText();
  }

  private String configMapName() {
    return conf.resourceNamePrefix() + "-driver-podspec-conf-map";
  }

  @Override
  public SparkPod configurePod(SparkPod pod) {
    if (template.isEmpty()) {
      return pod;
    }
    return new SparkPod(
        new PodBuilder(pod.pod()).editSpec().addNewVolume().withName(VOLUME)
            .withNewConfigMap().withName(configMapName()).addNewItem().withKey(KEY).withPath(FILE_NAME).endItem()
            .endConfigMap().endVolume().endSpec().build(),
        new ContainerBuilder(pod.container()).addNewVolumeMount().withName(VOLUME).withMountPath(MOUNT_PATH)
            .endVolumeMount().build());
  }

  @Override
  public Map<String, String> systemProperties() {
    return template.isEmpty()
        ? Map.of()
        : Map.of(DriverKeys.EXECUTOR_POD_TEMPLATE_FILE.key(), MOUNT_PATH + "/" + FILE_NAME);
  }

  @Override
  public List<HasMetadata> resources() {
    return template
        .map(text -> List.<HasMetadata>of(new ConfigMapBuilder().withNewMetadata().withName(configMapName()).endMetadata()
            .withImmutable(true).addToData(KEY, text).build()))
        .orElse(List.of());
  }

  @Override
  public String sparkClassName() {
    return SPARK_FEATURES + "PodTemplateConfigMapStep";
  }
}
