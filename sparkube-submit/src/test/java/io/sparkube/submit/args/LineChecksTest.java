package io.sparkube.submit.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.model.SparkLine;
import io.sparkube.model.config.Conf;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LineChecksTest {
  @Test
  void knownKeysAndPrefixFamiliesRaiseNoWarning() {
    var conf = Conf.of(Map.of(
        "spark.kubernetes.namespace", "jobs",
        "spark.kubernetes.driver.label.team", "data",
        "spark.kubernetes.executor.volumes.persistentVolumeClaim.data.mount.path", "/data",
        "spark.kubernetes.authenticate.driver.serviceAccountName", "spark",
        "spark.kubernetes.authenticate.submission.oauthTokenFile", "/t",
        "spark.executor.memory", "1g"));

    for (var line : SparkLine.values()) {
      assertThat(LineChecks.unknownKeyWarnings(conf, line)).as("line %s", line).isEmpty();
    }
  }

  @Test
  void aMistypedKeyNamesTheNearestKnownOne() {
    var conf = Conf.of(Map.of("spark.kubernetes.namepsace", "jobs"));

    assertThat(LineChecks.unknownKeyWarnings(conf, SparkLine.V3_5)).singleElement().asString()
        .contains("spark.kubernetes.namepsace").contains("did you mean spark.kubernetes.namespace?");
  }

  @Test
  void aKeyOfAnotherLineSaysWhichLinesKnowIt() {
    var conf = Conf.of(Map.of("spark.kubernetes.allocation.maximum", "10"));

    assertThat(LineChecks.unknownKeyWarnings(conf, SparkLine.V4_1)).isEmpty();
    assertThat(LineChecks.unknownKeyWarnings(conf, SparkLine.V3_5)).singleElement().asString()
        .contains("exists in Spark 4.1");
  }

  @Test
  void aPrefixAloneIsNotAKey() {
    var conf = Conf.of(Map.of("spark.kubernetes.driver.label.", "x"));

    assertThat(LineChecks.unknownKeyWarnings(conf, SparkLine.V4_0)).hasSize(1);
  }

  @Test
  void loadSparkDefaultsNeedsSpark4() {
    var options = new SubmitOptions(false, true, Optional.empty(), Optional.empty(), Optional.empty(), false,
        Optional.empty(), true);

    LineChecks.requireFlagsSupported(options, SparkLine.V4_0);
    LineChecks.requireFlagsSupported(options, SparkLine.V4_1);
    assertThatThrownBy(() -> LineChecks.requireFlagsSupported(options, SparkLine.V3_5))
        .isInstanceOf(SparkubeException.class)
        .satisfies(e -> assertThat(((SparkubeException) e).failure()).isEqualTo(Failure.UNKNOWN_FLAG));
  }
}
