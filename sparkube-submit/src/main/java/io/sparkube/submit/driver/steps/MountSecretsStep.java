package io.sparkube.submit.driver.steps;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.sparkube.submit.driver.DriverConf;
import io.sparkube.submit.driver.SparkPod;
import java.util.List;

/** Secrets named by spark.kubernetes.driver.secrets.NAME=PATH, mounted at PATH. */
public final class MountSecretsStep implements FeatureStep {
  private final DriverConf conf;

  public MountSecretsStep(DriverConf conf) {
    this.conf = conf;
  }

  @Override
  public SparkPod configurePod(SparkPod pod) {
    var mounts = conf.secretMounts();
    // Spark maps the secret names into a Scala Set of fabric8 Volumes: up to four keep the
    // conf's order, as here; beyond four the Set orders them by Volume.hashCode, which depends on
    // the fabric8 version each Spark line bundles and is not reproduced. Mounts keep the order.
    List<Volume> volumes = mounts.keySet().stream()
        .map(secret -> new VolumeBuilder().withName(secret + "-volume")
            .withNewSecret().withSecretName(secret).endSecret().build())
        .toList();
    List<VolumeMount> volumeMounts = mounts.entrySet().stream()
        .map(e -> new VolumeMountBuilder().withName(e.getKey() + "-volume").withMountPath(e.getValue()).build())
        .toList();
    return new SparkPod(
        new PodBuilder(pod.pod()).editOrNewSpec().addAllToVolumes(volumes).endSpec().build(),
        new ContainerBuilder(pod.container()).addAllToVolumeMounts(volumeMounts).build());
  }

  @Override
  public String sparkClassName() {
    return SPARK_FEATURES + "MountSecretsFeatureStep";
  }
}
