package io.sparkube.submit.driver.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.sparkube.model.SparkLine;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.driver.SparkPod;
import io.sparkube.submit.driver.TestRequests;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MountVolumesStepTest {
  private static final String P = "spark.kubernetes.driver.volumes.";

  @ParameterizedTest
  @EnumSource(SparkLine.class)
  void mountsEachKindOfVolume(SparkLine line) {
    var conf = TestRequests.driverConf(line, Map.of(
        P + "hostPath.data.mount.path", "/data", P + "hostPath.data.options.path", "/mnt/data",
        P + "hostPath.data.mount.readOnly", "true",
        P + "emptyDir.scratch.mount.path", "/scratch", P + "emptyDir.scratch.options.medium", "Memory",
        P + "emptyDir.scratch.options.sizeLimit", "1Gi",
        P + "nfs.share.mount.path", "/share", P + "nfs.share.options.path", "/exports", P + "nfs.share.options.server", "nfs.local"));
    var step = new MountVolumesStep(conf);
    var pod = step.configurePod(SparkPod.initial());

    var volumes = pod.pod().getSpec().getVolumes();
    assertThat(volumes).hasSize(3);
    var data = volumes.stream().filter(v -> v.getName().equals("data")).findFirst().orElseThrow();
    assertThat(data.getHostPath().getPath()).isEqualTo("/mnt/data");
    assertThat(data.getHostPath().getType()).isEmpty();
    var scratch = volumes.stream().filter(v -> v.getName().equals("scratch")).findFirst().orElseThrow();
    assertThat(scratch.getEmptyDir().getMedium()).isEqualTo("Memory");
    assertThat(scratch.getEmptyDir().getSizeLimit().toString()).isEqualTo("1Gi");
    var mount = pod.container().getVolumeMounts().stream().filter(m -> m.getName().equals("data")).findFirst().orElseThrow();
    assertThat(mount.getReadOnly()).isTrue();
    assertThat(mount.getSubPath()).isEmpty();
    assertThat(mount.getSubPathExpr()).isEqualTo(line.atLeast(SparkLine.V4_0) ? "" : null);
    assertThat(step.resources()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SparkLine.class)
  void onDemandClaimBecomesAPvcWithTheLinesAccessMode(SparkLine line) {
    var conf = TestRequests.driverConf(line, Map.of(
        P + "persistentVolumeClaim.work.mount.path", "/work",
        P + "persistentVolumeClaim.work.options.claimName", "OnDemand",
        P + "persistentVolumeClaim.work.options.storageClass", "gp3",
        P + "persistentVolumeClaim.work.options.sizeLimit", "10Gi"));
    var step = new MountVolumesStep(conf);
    var pod = step.configurePod(SparkPod.initial());

    var claimName = "spark-pi-a1b2c3190f3a1b2c-driver-pvc-0";
    assertThat(pod.pod().getSpec().getVolumes().get(0).getPersistentVolumeClaim().getClaimName()).isEqualTo(claimName);
    var pvc = (PersistentVolumeClaim) step.resources().get(0);
    assertThat(pvc.getMetadata().getName()).isEqualTo(claimName);
    assertThat(pvc.getSpec().getAccessModes())
        .containsExactly(line == SparkLine.V3_5 ? "ReadWriteOnce" : "ReadWriteOncePod");
    assertThat(pvc.getMetadata().getLabels()).containsEntry("spark-app-selector", TestRequests.IDS.appId());
  }

  @Test
  void fourZeroRejectsSizesWithoutUnits() {
    var conf = TestRequests.driverConf(SparkLine.V4_0, Map.of(
        P + "emptyDir.s.mount.path", "/s", P + "emptyDir.s.options.sizeLimit", "500"));
    assertThatThrownBy(() -> new MountVolumesStep(conf)).isInstanceOf(SparkubeException.class)
        .hasMessageContaining("smaller than 1KiB");
    var older = TestRequests.driverConf(SparkLine.V3_5, Map.of(
        P + "emptyDir.s.mount.path", "/s", P + "emptyDir.s.options.sizeLimit", "500"));
    assertThat(new MountVolumesStep(older).configurePod(SparkPod.initial()).pod().getSpec().getVolumes()).hasSize(1);
  }

  @Test
  void rejectsDuplicateMountPathsAndUnknownTypes() {
    assertThatThrownBy(() -> new MountVolumesStep(TestRequests.driverConf(SparkLine.V3_5, Map.of(
        P + "emptyDir.a.mount.path", "/x", P + "emptyDir.b.mount.path", "/x"))))
        .hasMessageContaining("'/x'");
    assertThatThrownBy(() -> new MountVolumesStep(TestRequests.driverConf(SparkLine.V3_5, Map.of(
        P + "configMap.a.mount.path", "/x"))))
        .hasMessageContaining("volume type configMap");
    assertThatThrownBy(() -> new MountVolumesStep(TestRequests.driverConf(SparkLine.V3_5, Map.of(
        P + "hostPath.a.mount.path", "/x"))))
        .hasMessageContaining(P + "hostPath.a.options.path is required");
  }
}
