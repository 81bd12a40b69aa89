package io.sparkube.submit.driver.steps;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.sparkube.submit.driver.DriverConf;
import io.sparkube.submit.driver.DriverKeys;
import io.sparkube.submit.driver.SparkPod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scratch space: emptyDir volumes behind SPARK_LOCAL_DIRS, unless the template already mounts
 * spark-local-dir-* volumes. Like Spark, the default comes from the submitter's SPARK_LOCAL_DIRS,
 * then spark.local.dir, then a fresh /var/data/spark-UUID.
 */
public final class LocalDirsStep implements FeatureStep {
  private final DriverConf conf;

  public LocalDirsStep(DriverConf conf) {
    this.conf = conf;
  }

  @Override
  public SparkPod configurePod(SparkPod pod) {
    List<String> dirs = pod.container().getVolumeMounts().stream()
        .filter(m -> m.getName().startsWith("spark-local-dir-")).map(VolumeMount::getMountPath).toList();
    var volumes = new ArrayList<Volume>();
    var mounts = new ArrayList<VolumeMount>();
    if (dirs.isEmpty()) {
      dirs = Arrays.asList(conf.environmentOfSubmitter().variable("SPARK_LOCAL_DIRS")
          .or(() -> conf.getOptional(DriverKeys.LOCAL_DIR))
          .orElse("/var/data/spark-" + conf.ids().localDirId())
          .split(","));
      boolean tmpfs = conf.get(DriverKeys.LOCAL_DIRS_TMPFS);
      for (int i = 0; i < dirs.size(); i++) {
        var name = "spark-local-dir-" + (i + 1);
        volumes.add(new VolumeBuilder().withName(name).withNewEmptyDir().withMedium(tmpfs ? "Memory" : null)
            .endEmptyDir().build());
        mounts.add(new VolumeMountBuilder().withName(name).withMountPath(dirs.get(i)).build());
      }
    }
    return new SparkPod(
        new PodBuilder(pod.pod()).editSpec().addAllToVolumes(volumes).endSpec().build(),
        new ContainerBuilder(pod.container())
            .addNewEnv().withName("SPARK_LOCAL_DIRS").withValue(String.join(",", dirs)).endEnv()
            .addAllToVolumeMounts(mounts)
            .build());
  }

  @Override
  public String sparkClassName() {
    return SPARK_FEATURES + "LocalDirsFeatureStep";
  }
}
