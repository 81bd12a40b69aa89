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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SparkLineResolverTest {
  private static Conf image(String image) {
    return Conf.of(Map.of("spark.kubernetes.container.image", image));
  }

  @ParameterizedTest
  @CsvSource({
      "apache/spark:3.5.6, 3.5",
      "spark:4.0.2-scala2.13-java17-ubuntu, 4.0",
      "ghcr.io/x/spark:v3.5.1-custom, 3.5",
      "registry.local:5000/team/spark:4.1.0@sha256:abc, 4.1",
      "apache/spark-py:3.5.0-python3.10, 3.5",
      "my/spark:4.1, 4.1"})
  void theLineComesFromTheImageTag(String image, String line) {
    assertThat(SparkLineResolver.resolve(Optional.empty(), image(image)).line()).isEqualTo(line);
  }

  @Test
  void theDriverImageDecides() {
    var conf = Conf.of(Map.of(
        "spark.kubernetes.container.image", "apache/spark:3.5.6",
        "spark.kubernetes.driver.container.image", "apache/spark:4.0.2"));

    assertThat(SparkLineResolver.resolve(Optional.empty(), conf)).isEqualTo(SparkLine.V4_0);
  }

  @ParameterizedTest
  @CsvSource({"3.5, 3.5", "4.0, 4.0", "4.1, 4.1", "3.5.6, 3.5", "4.0.0-preview2, 4.0"})
  void theFlagWinsOverTheTag(String flag, String line) {
    assertThat(SparkLineResolver.resolve(Optional.of(flag), image("apache/spark:latest")).line()).isEqualTo(line);
  }

  @ParameterizedTest
  @CsvSource({"apache/spark:latest", "apache/spark", "spark:3.5.1-hadoop4.0.0", "apache/spark:3.4.1",
      "localhost:5000/spark"})
  void anAmbiguousOrUnknownTagAsksForTheFlag(String image) {
    assertThatThrownBy(() -> SparkLineResolver.resolve(Optional.empty(), image(image)))
        .isInstanceOf(SparkubeException.class)
        .hasMessageContaining("--spark-version 3.5|4.0|4.1")
        .satisfies(e -> assertThat(((SparkubeException) e).failure()).isEqualTo(Failure.INVALID_CONFIG));
  }

  @Test
  void anUnsupportedFlagIsInvalid() {
    assertThatThrownBy(() -> SparkLineResolver.resolve(Optional.of("3.4"), image("x:1")))
        .isInstanceOf(SparkubeException.class)
        .hasMessageContaining("3.5, 4.0, 4.1");
  }

  @Test
  void noImageIsMissingImage() {
    assertThatThrownBy(() -> SparkLineResolver.resolve(Optional.of("3.5"), Conf.empty()))
        .isInstanceOf(SparkubeException.class)
        .hasMessageContaining("set spark.kubernetes.container.image")
        .satisfies(e -> assertThat(((SparkubeException) e).failure()).isEqualTo(Failure.MISSING_IMAGE));
  }

  @Test
  void tagsIgnoreRegistryPortsAndDigests() {
    assertThat(SparkLineResolver.tagOf("localhost:5000/spark")).isEmpty();
    assertThat(SparkLineResolver.tagOf("localhost:5000/spark:3.5.6@sha256:ff")).isEqualTo("3.5.6");
  }
}
