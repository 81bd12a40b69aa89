package io.sparkube.submit.driver.steps;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.KeyToPathBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.driver.DriverConf;
import io.sparkube.submit.driver.DriverKeys;
import io.sparkube.submit.driver.SparkPod;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Hadoop configuration: the submitter's HADOOP_CONF_DIR shipped in a new ConfigMap, or an
 * existing ConfigMap named by spark.kubernetes.hadoop.configMapName, mounted at /opt/hadoop/conf.
 */
public final class HadoopConfStep implements FeatureStep {
  static final String VOLUME = "hadoop-properties";
  static final String MOUNT_PATH = "/opt/hadoop/conf";
  static final String EXECUTOR_CONFIG_MAP_KEY = "spark.kubernetes.executor.hadoopConfigMapName";

  private final DriverConf conf;
  private final Optional<String> confDir;
  private final Optional<String> existingConfigMap;

  public HadoopConfStep(DriverConf conf) {
    this.conf = conf;
    this.confDir = conf.environmentOfSubmitter().variable("HADOOP_CONF_DIR");
    this.existingConfigMap = conf.getOptional(DriverKeys.HADOOP_CONF_CONFIG_MAP);
    if (confDir.isPresent() && existingConfigMap.isPresent()) {
      throw SparkubeException.invalidConfig("both HADOOP_CONF_DIR and " + DriverKeys.HADOOP_CONF_CONFIG_MAP.key()
          + " are set; unset one of them");
    }
  }

  private String newConfigMapName() {
    return conf.resourceNamePrefix() + "-hadoop-config";
  }

  private List<File> confFiles() {
    var files = new File(confDir.orElseThrow()).listFiles();
    // Kept in directory listing order, as Spark lists them.
    return files == null ? List.of() : Arrays.stream(files).filter(File::isFile).toList();
  }

  @Override
  public SparkPod configurePod(SparkPod pod) {
    if (confDir.isEmpty() && existingConfigMap.isEmpty()) {
      return pod;
    }
    Volume volume;
    if (confDir.isPresent()) {
      List<KeyToPath> items = confFiles().stream()
          .map(f -> new KeyToPathBuilder().withKey(f.getName()).withPath(f.getName()).build()).toList();
      volume = new VolumeBuilder().withName(VOLUME)
          .withNewConfigMap().withName(newConfigMapName()).withItems(items).endConfigMap().build();
    } else {
      volume = new VolumeBuilder().withName(VOLUME)
          .withNewConfigMap().withName(existingConfigMap.get()).endConfigMap().build();
    }
    return new SparkPod(
        new PodBuilder(pod.pod()).editSpec().addToVolumes(volume).endSpec().build(),
        new ContainerBuilder(pod.container())
            .addNewVolumeMount().withName(VOLUME).withMountPath(MOUNT_PATH).endVolumeMount()
            .addNewEnv().withName("HADOOP_CONF_DIR").withValue(MOUNT_PATH).endEnv()
            .build());
  }

  @Override
  public Map<String, String> systemProperties() {
    if (confDir.isEmpty() && existingConfigMap.isEmpty()) {
      return Map.of();
    }
    return Map.of(EXECUTOR_CONFIG_MAP_KEY, existingConfigMap.orElse(newConfigMapName()));
  }

  @Override
  public List<HasMetadata> resources() {
    if (confDir.isEmpty()) {
      return List.of();
    }
    var data = new LinkedHashMap<String, String>();
    for (var file : confFiles()) {
      try {
        data.put(file.getName(), Files.readString(file.toPath()));
      } catch (IOException e) {
        throw SparkubeException.invalidConfig("cannot read " + file + " from HADOOP_CONF_DIR: " + e.getMessage());
      }
    }
    return List.of(new ConfigMapBuilder().withNewMetadata().withName(newConfigMapName()).endMetadata()
        .withImmutable(true).addToData(data).build());
  }

  @Override
  public String sparkClassName() {
    return SPARK_FEATURES + "HadoopConfDriverFeatureStep";
  }
}
