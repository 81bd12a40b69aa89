package io.sparkube.submit.driver.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkube.model.SparkLine;
import io.sparkube.model.config.Conf;
import io.sparkube.submit.driver.VolumeSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeOrderTest {

  @Test
  void moreThanFourVolumesComeInTheHashOrderOfSparksCaseClass() {
    assertThat(names(GoldenConf.settings(), SparkLine.V3_5))
        .containsExactly("scratch", "data", "logs", "cache", "work", "tmp");
    assertThat(names(GoldenConf.settings(), SparkLine.V4_1))
        .containsExactly("scratch", "work", "tmp", "cache", "logs", "data");
  }

  @Test
  void upToFourVolumesComeInTheOrderTheirSettingsAreIterated() {
    var settings = new LinkedHashMap<>(GoldenConf.settings());
    settings.keySet().removeIf(k -> k.contains(".tmp.") || k.contains(".work."));
    assertThat(names(settings, SparkLine.V3_5)).hasSize(4)
        .containsExactlyElementsOf(firstSeen(settings, SparkLine.V3_5));
  }

  private static List<String> names(Map<String, String> settings, SparkLine line) {
    return VolumeSpec.parse(Conf.of(settings), GoldenConf.VOLUMES, line).stream().map(VolumeSpec::name).toList();
  }

  private static List<String> firstSeen(Map<String, String> settings, SparkLine line) {
    return new SparkPrefixedPairs(line).parse(settings, GoldenConf.VOLUMES).keySet().stream()
        .map(k -> k.split("\\.")[1]).distinct().toList();
  }
}
