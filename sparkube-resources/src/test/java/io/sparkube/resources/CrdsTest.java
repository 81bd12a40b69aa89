package io.sparkube.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrdsTest {
  @Test
  void bothResourcesHaveACrdWithAStatusSubresourceAndTheRightScope() {
    var crds = Crds.all();

    assertThat(crds).extracting(c -> c.getMetadata().getName())
        .containsExactly("sparkapplications.sparkube.io", "virtualclusters.sparkube.io");
    assertThat(crds).extracting(c -> c.getSpec().getScope()).containsExactly("Namespaced", "Cluster");
    assertThat(crds).allSatisfy(c -> assertThat(c.getSpec().getVersions().get(0).getSubresources().getStatus())
        .isNotNull());
  }

  @Test
  void theSchemaRequiresWhatARunCannotDoWithout() {
    var spec = schemaOf(Crds.all().get(0), "spec");
    assertThat(spec.getRequired()).containsExactly("mainApplicationFile");
    assertThat(spec.getProperties()).containsKeys("sparkSubmitParameters", "sparkConf", "identity", "restartPolicy",
        "ttlSecondsAfterFinished", "suspend", "virtualCluster");
    assertThat(spec.getProperties().get("restartPolicy").getProperties().get("onFailures").getItems().getSchema()
        .getEnum()).hasSize(RetryableFailure.values().length);
  }

  @Test
  void anApplicationRoundTripsThroughJsonWithItsStatus() {
    var app = new SparkApplication();
    app.getMetadata().setName("pi");
    app.getSpec().setMainApplicationFile("local:///opt/spark/examples/jars/spark-examples.jar");
    app.getSpec().setArguments(List.of("100"));
    app.getSpec().setSparkConf(Map.of("spark.executor.instances", "2"));
    var status = new SparkApplicationStatus();
    status.setState(JobRunState.RUNNING);
    status.getHistory().add(new StateChange(JobRunState.SUBMITTED, "2026-11-21T10:00:00Z", "driver created"));
    app.setStatus(status);

    var json = Serialization.asJson(app);
    var back = Serialization.unmarshal(json, SparkApplication.class);

    assertThat(json).contains("\"apiVersion\":\"sparkube.io/v1alpha1\"").contains("\"kind\":\"SparkApplication\"")
        .doesNotContain("\"suspend\"").doesNotContain("\"image\"");
    assertThat(back.getSpec().getArguments()).containsExactly("100");
    assertThat(back.getStatus().getHistory()).singleElement()
        .satisfies(change -> assertThat(change.getState()).isEqualTo(JobRunState.SUBMITTED));
  }

  private static io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps schemaOf(
      CustomResourceDefinition crd, String property) {
    return crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema().getProperties().get(property);
  }
}
