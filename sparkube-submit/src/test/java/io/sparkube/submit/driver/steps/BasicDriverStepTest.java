package io.sparkube.submit.driver.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkube.model.SparkLine;
import io.sparkube.submit.MainAppResource;
import io.sparkube.submit.SubmitRequest;
import io.sparkube.submit.driver.SparkPod;
import io.sparkube.submit.driver.TestRequests;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BasicDriverStepTest {

  @ParameterizedTest
  @CsvSource({
      "V3_5, 1g, , 1408Mi",
      "V3_5, 4g, , 4505Mi",
      "V4_0, 1g, , 1408Mi",
      "V4_0, 1g, 512m, 1536Mi",
      "V4_1, 8g, 512m, 9011Mi"})
  void memoryIsHeapPlusOverheadWithTheLinesMinimum(SparkLine line, String memory, String minOverhead, String expected) {
    var conf = new java.util.HashMap<String, String>(Map.of("spark.driver.memory", memory));
    if (minOverhead != null) {
      conf.put("spark.driver.minMemoryOverhead", minOverhead);
    }
    var pod = new BasicDriverStep(TestRequests.driverConf(line, conf)).configurePod(SparkPod.initial());
    assertThat(pod.container().getResources().getLimits().get("memory").toString()).isEqualTo(expected);
    assertThat(pod.container().getResources().getRequests().get("memory").toString()).isEqualTo(expected);
  }

  @Test
  void nonJvmJobsDefaultToALargerOverheadFactor() {
    var java = TestRequests.javaApp(Map.of("spark.driver.memory", "4g"));
    var python = new SubmitRequest(java.conf(), new MainAppResource.PythonResource("local:///app.py"),
        "org.apache.spark.deploy.PythonRunner", java.appArgs(), java.proxyUser(), java.environment());
    var step = new BasicDriverStep(TestRequests.driverConf(SparkLine.V3_5, python));
    assertThat(step.configurePod(SparkPod.initial()).container().getResources().getLimits().get("memory").toString())
        .isEqualTo("5734Mi");
    assertThat(step.systemProperties()).containsEntry("spark.kubernetes.memoryOverheadFactor", "0.4");
  }

  @Test
  void coresLabelsAnnotationsSelectorsAndScheduler() {
    var conf = TestRequests.driverConf(SparkLine.V4_0, Map.of(
        "spark.driver.cores", "2", "spark.kubernetes.driver.limit.cores", "3",
        "spark.kubernetes.driver.label.team", "data-{{APP_ID}}",
        "spark.kubernetes.driver.annotation.owner", "app-{{APP_ID}}",
        "spark.kubernetes.node.selector.zone", "a", "spark.kubernetes.driver.node.selector.disk", "ssd",
        "spark.kubernetes.scheduler.name", "volcano", "spark.kubernetes.container.image.pullSecrets", "s1, s2"));
    var pod = new BasicDriverStep(conf).configurePod(SparkPod.initial());
    var resources = pod.container().getResources();
    assertThat(resources.getRequests().get("cpu").toString()).isEqualTo("2");
    assertThat(resources.getLimits().get("cpu").toString()).isEqualTo("3");
    assertThat(pod.pod().getMetadata().getLabels()).containsEntry("team", "data-" + TestRequests.IDS.appId());
    assertThat(pod.pod().getMetadata().getAnnotations()).containsEntry("owner", "app-" + TestRequests.IDS.appId());
    assertThat(pod.pod().getSpec().getNodeSelector()).containsEntry("zone", "a").containsEntry("disk", "ssd");
    assertThat(pod.pod().getSpec().getSchedulerName()).isEqualTo("volcano");
    assertThat(pod.pod().getSpec().getImagePullSecrets()).extracting(r -> r.getName()).containsExactly("s1", "s2");
  }

  @Test
  void threeFiveLeavesLabelPlaceholdersAlone() {
    var conf = TestRequests.driverConf(SparkLine.V3_5, Map.of("spark.kubernetes.driver.label.team", "data-{{APP_ID}}"));
    var pod = new BasicDriverStep(conf).configurePod(SparkPod.initial());
    assertThat(pod.pod().getMetadata().getLabels()).containsEntry("team", "data-{{APP_ID}}");
  }
}
