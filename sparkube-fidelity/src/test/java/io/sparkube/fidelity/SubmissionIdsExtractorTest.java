package io.sparkube.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.sparkube.submit.driver.SubmissionIds;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionIdsExtractorTest {
  private static final String APP_ID = "spark-0123456789abcdef0123456789abcdef";
  private static final String UUID = "4a79c897-7af3-4c8a-9db0-ef07d63feb20";

  @Test
  void idsComeFromDefaultNamesLabelsAndTheLocalDir() {
    var ids = extract(List.of(), "spark-pi-e55040a1fda09cb1-driver", "spark-pi-e55040a1fda09cb1-driver-svc");

    assertThat(ids).isEqualTo(new SubmissionIds(APP_ID, "e55040a1fda09cb1", "26563aa1fda09f23",
        SubmissionIdsExtractor.DUMMY_ID, UUID));
  }

  @Test
  void aFallbackServiceNameGivesTheServiceId() {
    var ids = extract(List.of(), "a-very-long-name-e55040a1fda09cb1-driver",
        "spark-77aa11a1fda09cb1-driver-svc");

    assertThat(ids.resourceNameId()).isEqualTo("e55040a1fda09cb1");
    assertThat(ids.serviceId()).isEqualTo("77aa11a1fda09cb1");
  }

  @Test
  void aCustomPodNameLeavesTheServiceToTellThePrefix() {
    var ids = extract(List.of("spark.kubernetes.driver.pod.name=etl-0000000001-driver"),
        "etl-0000000001-driver", "etl-e55040a1fda09cb1-driver-svc");

    assertThat(ids.resourceNameId()).isEqualTo("e55040a1fda09cb1");
    assertThat(ids.serviceId()).isEqualTo(SubmissionIdsExtractor.DUMMY_ID);
  }

  @Test
  void anAmbiguousSparkNamedServiceServesBothReadings() {
    var ids = extract(List.of("spark.kubernetes.driver.pod.name=custom"), "custom",
        "spark-e55040a1fda09cb1-driver-svc");

    assertThat(ids.resourceNameId()).isEqualTo("e55040a1fda09cb1");
    assertThat(ids.serviceId()).isEqualTo("e55040a1fda09cb1");
  }

  private static SubmissionIds extract(List<String> argv, String podName, String serviceName) {
    List<HasMetadata> objects = List.of(
        new PodBuilder().withNewMetadata().withName(podName)
            .addToLabels("spark-app-selector", APP_ID).endMetadata()
            .withNewSpec().addNewContainer().addNewVolumeMount().withName("spark-local-dir-1")
            .withMountPath("/var/data/spark-" + UUID).endVolumeMount().endContainer().endSpec()
            .build(),
        new ServiceBuilder().withNewMetadata().withName(serviceName).endMetadata().build(),
        new ConfigMapBuilder().withNewMetadata().withName("spark-drv-26563aa1fda09f23-conf-map")
            .endMetadata().addToData("spark.properties", "a=1\n").build());
    return SubmissionIdsExtractor.extract(new CapturedSubmission(argv, objects, List.of()));
  }
}
