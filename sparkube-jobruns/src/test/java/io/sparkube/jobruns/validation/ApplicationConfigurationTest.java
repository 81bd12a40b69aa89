package io.sparkube.jobruns.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.jobruns.wire.Configuration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplicationConfigurationTest {
  static final String MEMBER = "configurationOverrides.applicationConfiguration";

  @Test
  void sparkDefaultsAreSparkSettingsAndExportsAreEnvironmentOfBothRoles() {
    var conf = ApplicationConfiguration.sparkConf(List.of(
        new Configuration("spark-defaults", Map.of("spark.executor.memory", "4g"), null),
        new Configuration("spark-env", Map.of(), List.of(new Configuration("export", Map.of("TZ", "UTC"), null))),
        new Configuration("spark-defaults", Map.of("spark.executor.memory", "8g"), List.of())), MEMBER);

    assertThat(conf).containsExactly(Map.entry("spark.executor.memory", "8g"),
        Map.entry("spark.kubernetes.driverEnv.TZ", "UTC"), Map.entry("spark.executorEnv.TZ", "UTC"));
  }

  @Test
  void whatSparkOnKubernetesWouldNotReadIsRefused() {
    assertThatThrownBy(() -> conf(new Configuration("spark-hive-site", Map.of("a", "b"), null)))
        .hasMessageContaining("use spark-defaults (Spark settings) or spark-env");
    assertThatThrownBy(() -> conf(new Configuration("spark-defaults", Map.of("hive.x", "1"), null)))
        .hasMessageContaining("'hive.x' at " + MEMBER + "[0] is not a Spark setting");
    assertThatThrownBy(() -> conf(new Configuration("spark-env", Map.of("A", "1"), null)))
        .hasMessageContaining("takes its variables in a nested 'export' classification");
    assertThatThrownBy(() -> conf(new Configuration("spark-env", null,
        List.of(new Configuration("export", Map.of("1A", "x"), null)))))
        .hasMessageContaining("'1A' at " + MEMBER + "[0].configurations[0] is not an environment variable name");
    assertThatThrownBy(() -> conf(new Configuration(null, Map.of(), null)))
        .hasMessageContaining("Value null at '" + MEMBER + "[0].classification'");
  }

  private static Map<String, String> conf(Configuration configuration) {
    return ApplicationConfiguration.sparkConf(List.of(configuration), MEMBER);
  }
}
