package io.sparkube.submit.driver.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import io.sparkube.model.SparkLine;
import io.sparkube.submit.driver.SparkPod;
import io.sparkube.submit.driver.TestRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsStepTest {

  @Test
  void serviceAccountWhenNoCredentialsAreMounted() {
    var conf = TestRequests.driverConf(SparkLine.V3_5,
        Map.of("spark.kubernetes.authenticate.driver.serviceAccountName", "spark"));
    var step = new CredentialsStep(conf);
    var spec = step.configurePod(SparkPod.initial()).pod().getSpec();
    assertThat(spec.getServiceAccountName()).isEqualTo("spark");
    assertThat(spec.getServiceAccount()).isEqualTo("spark");
    assertThat(step.resources()).isEmpty();
  }

  @Test
  void tokenAndCaBecomeASecretMountedInsteadOfTheServiceAccount(@TempDir Path dir) throws Exception {
    var ca = Files.writeString(dir.resolve("ca.crt"), "CA");
    var conf = TestRequests.driverConf(SparkLine.V4_0, Map.of(
        "spark.kubernetes.authenticate.driver.serviceAccountName", "spark",
        "spark.kubernetes.authenticate.driver.oauthToken", "t0ken",
        "spark.kubernetes.authenticate.driver.caCertFile", ca.toString()));
    var step = new CredentialsStep(conf);
    var pod = step.configurePod(SparkPod.initial());
    assertThat(pod.pod().getSpec().getServiceAccountName()).isNull();
    assertThat(pod.container().getVolumeMounts().get(0).getMountPath())
        .isEqualTo("/mnt/secrets/spark-kubernetes-credentials");
    var secret = (Secret) step.resources().get(0);
    assertThat(secret.getMetadata().getName()).isEqualTo("spark-pi-a1b2c3190f3a1b2c-kubernetes-credentials");
    assertThat(secret.getData()).containsEntry("oauth-token", Base64.getEncoder().encodeToString("t0ken".getBytes()))
        .containsEntry("ca-cert", Base64.getEncoder().encodeToString("CA".getBytes()));
    assertThat(step.systemProperties())
        .containsEntry("spark.kubernetes.authenticate.driver.oauthToken", "<present_but_redacted>")
        .containsEntry("spark.kubernetes.authenticate.driver.mounted.oauthTokenFile",
            "/mnt/secrets/spark-kubernetes-credentials/oauth-token")
        .containsEntry("spark.kubernetes.authenticate.driver.mounted.caCertFile",
            "/mnt/secrets/spark-kubernetes-credentials/ca-cert");
  }

  @Test
  void aMissingCredentialFileIsAnError(@TempDir Path dir) {
    var missing = dir.resolve("nope.key").toString();
    assertThatThrownBy(() -> new CredentialsStep(TestRequests.driverConf(SparkLine.V3_5,
        Map.of("spark.kubernetes.authenticate.driver.clientKeyFile", missing))))
        .hasMessageContaining(missing).hasMessageContaining("does not exist");
  }
}
