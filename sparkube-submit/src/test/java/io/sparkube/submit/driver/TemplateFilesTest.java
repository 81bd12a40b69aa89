package io.sparkube.submit.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sparkube.model.SparkLine;
import io.sparkube.model.error.SparkubeException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateFilesTest {
  private static final String PREPARED = """
      apiVersion: v1
      kind: Pod
      metadata:
        labels: {team: data}
      spec:
        volumes: [{name: token, projected: {sources: [{serviceAccountToken: {audience: sts.amazonaws.com, path: token}}]}}]
        containers:
        - name: sidecar
          image: busybox
        - name: spark-kubernetes-driver
          volumeMounts: [{name: token, mountPath: /var/run/token, readOnly: true}]
      """;

  @Test
  void aPreparedTextIsParsedOnceAsItWouldBeAfresh() {
    var parsed = TemplateFiles.parsePod(DriverKeys.DRIVER_POD_TEMPLATE_FILE, PREPARED);

    assertThat(parsed).isEqualTo(Serialization.unmarshal(PREPARED, Pod.class));
    assertThat(TemplateFiles.parsePod(DriverKeys.EXECUTOR_POD_TEMPLATE_FILE, new String(PREPARED))).isSameAs(parsed);
  }

  @Test
  void aBrokenPreparedTextFailsEveryTime() {
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> TemplateFiles.parsePod(DriverKeys.DRIVER_POD_TEMPLATE_FILE, "spec: [unclosed"))
          .isInstanceOf(SparkubeException.class).hasMessageContaining("is not a pod template");
    }
  }

  /** The parsed pod is shared between jobs, so planning must leave it as parsed. */
  @Test
  void planningJobsLeavesTheSharedTemplateAsParsed() {
    var request = TestRequests.javaApp(Map.of("spark.kubernetes.driver.podTemplateContainerName",
        "spark-kubernetes-driver")).withTemplates(new PodTemplateTexts(Optional.of(PREPARED), Optional.of(PREPARED)));
    var shared = TemplateFiles.driverPod(request).orElseThrow();

    var first = new DriverPlanner(SparkLine.V4_0).plan(request, TestRequests.IDS);
    var second = new DriverPlanner(SparkLine.V3_5).plan(request, TestRequests.IDS);

    assertThat(TemplateFiles.driverPod(request)).containsSame(shared);
    assertThat(Serialization.asYaml(shared)).isEqualTo(Serialization.asYaml(Serialization.unmarshal(PREPARED, Pod.class)));
    assertThat(first.driverPod().getSpec().getContainers()).extracting(c -> c.getName())
        .containsExactlyInAnyOrder("spark-kubernetes-driver", "sidecar");
    assertThat(second.driverPod().getMetadata().getLabels()).containsEntry("team", "data");
  }
}
