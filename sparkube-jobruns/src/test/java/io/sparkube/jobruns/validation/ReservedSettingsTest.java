package io.sparkube.jobruns.validation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.model.config.Conf;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReservedSettingsTest {
  @ParameterizedTest
  @ValueSource(strings = {"spark.master", "spark.kubernetes.namespace", "spark.sparkube.identity",
      "spark.kubernetes.authenticate.driver.serviceAccountName", "spark.kubernetes.authenticate.oauthTokenFile"})
  void whereARunGoesAndWhoItRunsAsAreNotTheRunsToChoose(String key) {
    assertThatThrownBy(() -> ReservedSettings.check(Conf.of(Map.of(key, "x")), "local:///app.jar"))
        .hasMessageStartingWith(key + " cannot be set in a job run");
  }

  @ParameterizedTest
  @ValueSource(strings = {"spark.jars", "spark.files", "spark.kubernetes.driver.podTemplateFile",
      "spark.kerberos.keytab"})
  void filesOfTheSubmittingMachineAreRefused(String key) {
    var conf = Conf.of(Map.of(key, "s3a://b/ok, file:/etc/passwd"));

    assertThatThrownBy(() -> ReservedSettings.check(conf, "local:///app.jar"))
        .hasMessageContaining("is a file on the machine that submits the run");
  }

  @Test
  void imageFilesRemoteUrisAndSparkInternalAreFine() {
    var conf = Conf.of(Map.of("spark.jars", "local:///opt/lib.jar,https://repo/x.jar",
        "spark.files", "gs://b/f.txt", "spark.kubernetes.container.image", "my/spark:3.5.6"));

    assertThatCode(() -> ReservedSettings.check(conf, "s3://bucket/app.jar")).doesNotThrowAnyException();
    assertThatCode(() -> ReservedSettings.check(Conf.empty(), "spark-internal")).doesNotThrowAnyException();
    assertThatThrownBy(() -> ReservedSettings.check(Conf.empty(), "app.jar")).hasMessageStartingWith("entryPoint");
  }
}
