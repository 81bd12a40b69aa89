package io.sparkube.submit.args;

import static io.sparkube.submit.args.Submissions.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SubmitKeyChecksTest {
  private static Failure failureOf(String key, String value) {
    try {
      parse("--conf", key + "=" + value, "--class", "Main", "local:///a.jar");
      return null;
    } catch (SparkubeException e) {
      assertThat(e.getMessage()).doesNotContain("\n");
      return e.failure();
    }
  }

  @ParameterizedTest
  @CsvSource({
      "spark.kubernetes.driver.pod.name, My_Driver",
      "spark.kubernetes.driver.pod.name, -driver",
      "spark.kubernetes.namespace, jobs.team",
      "spark.kubernetes.executor.podNamePrefix, Exec",
      "spark.kubernetes.authenticate.driver.serviceAccountName, spark_sa"})
  void badNamesAreInvalidNames(String key, String value) {
    assertThat(failureOf(key, value)).isEqualTo(Failure.INVALID_NAME);
  }

  @ParameterizedTest
  @CsvSource({
      "spark.kubernetes.driver.pod.name, spark-pi.driver",
      "spark.kubernetes.namespace, jobs",
      "spark.kubernetes.executor.podNamePrefix, spark-pi-1"})
  void goodNamesPass(String key, String value) {
    assertThat(failureOf(key, value)).isNull();
  }

  @Test
  void theExecutorPrefixLeavesRoomForTheExecutorSuffix() {
    assertThat(failureOf("spark.kubernetes.executor.podNamePrefix", "a".repeat(237))).isNull();
    assertThat(failureOf("spark.kubernetes.executor.podNamePrefix", "a".repeat(238))).isEqualTo(Failure.INVALID_NAME);
  }

  @Test
  void theMessageGivesTheRuleAndAFix() {
    assertThatThrownBy(() -> parse("--conf", "spark.kubernetes.driver.pod.name=My_Driver", "--class", "Main", "local:///a.jar"))
        .hasMessageContaining("DNS-1123 subdomain")
        .hasMessageContaining("e.g. spark.kubernetes.driver.pod.name=my-driver");
  }

  @ParameterizedTest
  @CsvSource({
      "spark.kubernetes.container.image.pullPolicy, always",
      "spark.kubernetes.driver.service.ipFamilyPolicy, Dual",
      "spark.kubernetes.driver.service.ipFamilies, IPv5",
      "spark.kubernetes.configMap.maxSize, 2000000"})
  void valuesOutsideSparksSetsAreInvalidConfig(String key, String value) {
    assertThat(failureOf(key, value)).isEqualTo(Failure.INVALID_CONFIG);
  }
}
