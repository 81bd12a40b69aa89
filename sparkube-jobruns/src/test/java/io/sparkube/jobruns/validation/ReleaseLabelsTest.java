package io.sparkube.jobruns.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.model.SparkLine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReleaseLabelsTest {
  @ParameterizedTest
  @CsvSource({
      "emr-7.0.0-latest, 3.5, 3.5.6",
      "emr-7.13.0-20260410, 3.5, 3.5.6",
      "emr-7.5.0-latest, 3.5, 3.5.6",
      "emr-spark-8.0.0-latest, 4.0, 4.0.2",
      "emr-spark-8.0.0-20260421, 4.0, 4.0.2",
      "emr-spark-8.1.0-latest, 4.1, 4.1.0"})
  void aSupportedLabelRunsItsSpark(String label, String line, String version) {
    var resolved = ReleaseLabels.resolve(label);

    assertThat(resolved.line()).isEqualTo(SparkLine.ofVersion(line).orElseThrow());
    assertThat(resolved.sparkVersion()).isEqualTo(version);
  }

  @ParameterizedTest
  @ValueSource(strings = {"emr-6.15.0-latest", "emr-5.36.0-latest", "emr-7.5.0", "emr-7.5.0-java11-latest",
      "emr-7.5.0-2026041", "emr-spark-8.2.0-latest", "emr-8.0.0-latest", "notebook-spark/emr-7.5.0-latest",
      "emr-7.5-latest"})
  void anyOtherLabelIsRefusedListingTheSupportedOnes(String label) {
    assertThatThrownBy(() -> ReleaseLabels.resolve(label))
        .hasMessage("unknown release label " + label + "; supported: emr-7.<minor>.<patch>-latest or -YYYYMMDD"
            + " (Spark 3.5.6), emr-spark-8.0.<patch>-latest or -YYYYMMDD (Spark 4.0.2), emr-spark-8.1.<patch>-latest"
            + " or -YYYYMMDD (Spark 4.1.0)");
  }

  @Test
  void theReadmeShowsTheTableAsTheCodeHasIt() throws Exception {
    var readme = Files.readString(Path.of("README.md"));

    assertThat(readme).contains(ReleaseLabels.markdown());
  }
}
