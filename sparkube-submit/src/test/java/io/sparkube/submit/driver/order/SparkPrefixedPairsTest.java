package io.sparkube.submit.driver.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkube.model.SparkLine;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class SparkPrefixedPairsTest {

  @Test
  void moreThanFourEntriesComeInEachScalaVersionsTrieOrder() {
    assertThat(new SparkPrefixedPairs(SparkLine.V3_5).parse(GoldenConf.settings(), GoldenConf.ENV).keySet())
        .containsExactly("PATH", "JAVA_OPTS", "HOME", "TZ", "USER", "LOG_LEVEL", "AWS_REGION");
    for (var line : new SparkLine[] {SparkLine.V4_0, SparkLine.V4_1}) {
      assertThat(new SparkPrefixedPairs(line).parse(GoldenConf.settings(), GoldenConf.ENV).keySet())
          .containsExactly("PATH", "JAVA_OPTS", "HOME", "TZ", "AWS_REGION", "USER", "LOG_LEVEL");
    }
  }

  @Test
  void upToFourEntriesComeInGetAllOrder() {
    // Spark 4.0's getAll lists LOG_LEVEL first in this conf, so the Map2 keeps it first.
    var settings = new LinkedHashMap<String, String>();
    GoldenConf.settings().forEach((k, v) -> {
      if (!k.startsWith(GoldenConf.ENV) || k.endsWith("LOG_LEVEL") || k.endsWith("AWS_REGION")) {
        settings.put(k, v);
      }
    });
    assertThat(new SparkPrefixedPairs(SparkLine.V4_0).parse(settings, GoldenConf.ENV).keySet())
        .containsExactly("LOG_LEVEL", "AWS_REGION");
  }

  @Test
  void stripsThePrefixAndKeepsValues() {
    var pairs = new SparkPrefixedPairs(SparkLine.V3_5).parse(GoldenConf.settings(), GoldenConf.ENV);
    assertThat(pairs).containsEntry("TZ", "tz").hasSize(7);
  }
}
