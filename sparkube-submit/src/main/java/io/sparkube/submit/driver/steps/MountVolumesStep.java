package io.sparkube.submit.driver.steps;

import io.sparkube.submit.SparkLabels;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.sparkube.model.SparkLine;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.driver.DriverConf;
import io.sparkube.submit.driver.DriverKeys;
import io.sparkube.submit.driver.SparkPod;
import io.sparkube.submit.driver.VolumeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** hostPath, emptyDir, PVC and NFS volumes; on-demand claims become PVCs owned by the driver. */
public final class MountVolumesStep implements FeatureStep {
  private static final String ON_DEMAND = "OnDemand";

  private final DriverConf conf;
  private final List<VolumeSpec> specs;
  private final List<HasMetadata> claims = new ArrayList<>();
  private final String accessMode;

  public MountVolumesStep(DriverConf conf) {
    this.conf = conf;
    this.specs = VolumeSpec.parse(conf.conf(), DriverKeys.DRIVER_VOLUMES_PREFIX, conf.line());
    boolean legacy = conf.get(DriverKeys.legacyPvcAccessMode(!conf.line().atLeast(SparkLine.V4_0)));
    this.accessMode = legacy ? "ReadWriteOnce" : "ReadWriteOncePod";
    var duplicates = specs.stream().collect(Collectors.groupingBy(VolumeSpec::mountPath, Collectors.counting()))
        .entrySet().stream().filter(e -> e.getValue() > 1).map(e -> "'" + e.getKey() + "'").toList();
    if (!duplicates.isEmpty()) {
      throw SparkubeException.invalidConfig("two volumes share the mount path " + String.join(", ", duplicates)
          + "; give each volume its own mount.path");
    }
  }

  @Override
  public SparkPod configurePod(SparkPod pod) {
    var mounts = new ArrayList<VolumeMount>();
    var volumes = new ArrayList<Volume>();
    for (int i = 0; i < specs.size(); i++) {
      var spec = specs.get(i);
      var mount = new VolumeMountBuilder().withMountPath(spec.mountPath()).withReadOnly(spec.readOnly())
          .withSubPath(spec.subPath()).withName(spec.name());
      if (conf.line().atLeast(SparkLine.V4_0)) {
        mount.withSubPathExpr(spec.subPathExpr());
      }
      mounts.add(mount.build());
      volumes.add(volume(spec, i));
    }
    return new SparkPod(
        new PodBuilder(pod.pod()).editSpec().addAllToVolumes(volumes).endSpec().build(),
        new ContainerBuilder(pod.container()).addAllToVolumeMounts(mounts).build());
  }

  private Volume volume(VolumeSpec spec, int index) {
    var builder = new VolumeBuilder();
    var source = spec.source();
    if (source instanceof VolumeSpec.HostPath h) {
      builder.withNewHostPath().withPath(h.path()).withType(h.type()).endHostPath();
    } else if (source instanceof VolumeSpec.EmptyDir e) {
      builder.withNewEmptyDir().withMedium(e.medium().orElse(""))
          .withSizeLimit(e.sizeLimit().map(Quantity::new).orElse(null)).endEmptyDir();
    } else if (source instanceof VolumeSpec.Nfs n) {
      builder.withNewNfs().withPath(n.path()).withServer(n.server()).endNfs();
    } else if (source instanceof VolumeSpec.Pvc p) {
      var claimName = p.claimName().replace(ON_DEMAND, conf.resourceNamePrefix() + "-driver-pvc-" + index);
      if (p.storageClass().isPresent() && p.size().isPresent()) {
        claims.add(claim(claimName, p));
      }
      builder.withNewPersistentVolumeClaim().withClaimName(claimName).withReadOnly(spec.readOnly())
          .endPersistentVolumeClaim();
    }
    return builder.withName(spec.name()).build();
  }

  private HasMetadata claim(String name, VolumeSpec.Pvc pvc) {
    Map<String, String> labels = new LinkedHashMap<>(pvc.labels());
    labels.put(SparkLabels.APP_ID, conf.appId());
    var meta = new PersistentVolumeClaimBuilder().withKind("PersistentVolumeClaim").withApiVersion("v1")
        .withNewMetadata().withName(name).addToLabels(labels);
    if (conf.line().atLeast(SparkLine.V4_0)) {
      meta.addToAnnotations(pvc.annotations());
    }
    return meta.endMetadata()
        .withNewSpec()
            .withStorageClassName(pvc.storageClass().orElseThrow())
            .withAccessModes(accessMode)
            .withNewResources().addToRequests("storage", new Quantity(pvc.size().orElseThrow())).endResources()
            .endSpec()
        .build();
  }

  @Override
  public List<HasMetadata> resources() {
    return List.copyOf(claims);
  }

  @Override
  public String sparkClassName() {
    return SPARK_FEATURES + "MountVolumesFeatureStep";
  }
}
