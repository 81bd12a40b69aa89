package io.sparkube.submit.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkube.model.SparkLine;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanYamlTest {

  @Test
  void printsEveryObjectInCreationOrderWithItsNamespaceAndNoSecretValues() {
    var request = TestRequests.javaApp(Map.of("spark.kubernetes.namespace", "jobs",
        "spark.kubernetes.authenticate.driver.oauthToken", "t0ken-value"));
    var plan = new DriverPlanner(SparkLine.V4_0).plan(request, TestRequests.IDS);

    var yaml = PlanYaml.render(plan);

    assertThat(yaml.split("(?m)^---$")).hasSize(plan.creationOrder().size() + 1);
    assertThat(yaml.indexOf("kind: \"Pod\"")).isLessThan(yaml.indexOf("kind: \"Secret\""));
    assertThat(yaml.indexOf("kind: \"Secret\"")).isLessThan(yaml.indexOf("kind: \"ConfigMap\""));
    assertThat(yaml).contains("namespace: \"jobs\"")
        .doesNotContain(Base64.getEncoder().encodeToString("t0ken-value".getBytes()))
        .doesNotContain("t0ken-value")
        .contains(PlanYaml.REDACTED);
  }
}
