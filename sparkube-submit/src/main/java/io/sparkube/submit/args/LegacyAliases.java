package io.sparkube.submit.args;

import io.sparkube.submit.Reporter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keys from the early Spark-on-Kubernetes releases (the apache-spark-on-k8s fork and Spark 2.3),
 * moved to today's names with one deprecation warning each. Spark 3.5 to 4.1 declare no
 * alternatives of their own for spark.kubernetes.* keys (Config.scala has no withAlternative,
 * and SparkConf's deprecated and alternative key tables name none), so this list is ours alone.
 *
 * <p>Today's Spark would pass these keys through untouched and ignore them; renaming them is a
 * deliberate difference, so argv that uses them is not a fidelity-test input.
 */
final class LegacyAliases {
  /** Old key to new key; an empty new key means the setting is gone. */
  private static final Map<String, Optional<String>> ALIASES = Map.of(
      "spark.kubernetes.driver.docker.image", Optional.of("spark.kubernetes.driver.container.image"),
      "spark.kubernetes.executor.docker.image", Optional.of("spark.kubernetes.executor.container.image"),
      "spark.kubernetes.docker.image.pullPolicy", Optional.of("spark.kubernetes.container.image.pullPolicy"),
      "spark.kubernetes.initcontainer.docker.image", Optional.empty(),
      "spark.kubernetes.initContainer.image", Optional.empty());

  private final Reporter reporter;

  LegacyAliases(Reporter reporter) {
    this.reporter = reporter;
  }

  /** The properties with every alias replaced or dropped, keeping the order of the rest. */
  Map<String, String> apply(Map<String, String> properties) {
    var out = new LinkedHashMap<String, String>();
    properties.forEach((key, value) -> {
      var alias = ALIASES.get(key);
      if (alias == null) {
        out.put(key, value);
      } else if (alias.isEmpty()) {
        reporter.warn(key + " is ignored: init-containers are no longer needed, Spark fetches"
            + " dependencies itself; remove the setting");
      } else {
        var newKey = alias.get();
        if (properties.containsKey(newKey)) {
          reporter.warn(key + " is deprecated and ignored because " + newKey + " is also set; remove " + key);
        } else {
          reporter.warn(key + " is deprecated; use " + newKey + "=" + value);
          out.put(newKey, value);
        }
      }
    });
    return out;
  }
}
