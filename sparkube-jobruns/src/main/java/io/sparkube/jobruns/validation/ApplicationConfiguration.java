package io.sparkube.jobruns.validation;

import io.sparkube.jobruns.error.ApiException;
import io.sparkube.jobruns.wire.Configuration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns configurationOverrides.applicationConfiguration into Spark settings. Two classifications
 * mean something on Kubernetes: spark-defaults (Spark settings as they are) and spark-env, whose
 * nested export classification sets environment variables of the driver and the executors. EMR's
 * others (spark-log4j, spark-hive-site, emr-*) configure EMR's own images, so they are refused.
 */
public final class ApplicationConfiguration {
  public static final String SPARK_DEFAULTS = "spark-defaults";
  public static final String SPARK_ENV = "spark-env";
  private static final String EXPORT = "export";
  private static final int MAX_ENTRIES = 100;
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ApplicationConfiguration() {}

  /** The Spark settings the classifications set, in the order given; a later one wins. */
  public static Map<String, String> sparkConf(List<Configuration> configurations, String member) {
    var conf = new LinkedHashMap<String, String>();
    if (configurations == null) {
      return conf;
    }
    Members.atMost(configurations, MAX_ENTRIES, member);
    for (int i = 0; i < configurations.size(); i++) {
      var at = member + "[" + i + "]";
      var configuration = Members.required(configurations.get(i), at);
      var classification = Shape.STRING_1024.required(configuration.classification(), at + ".classification");
      var properties = properties(configuration.properties(), at + ".properties");
      switch (classification) {
        case SPARK_DEFAULTS -> {
          noNested(configuration, at, SPARK_DEFAULTS + " holds Spark settings in its properties");
          properties.forEach((key, value) -> conf.put(sparkKey(key, at), value));
        }
        case SPARK_ENV -> {
          if (!properties.isEmpty()) {
            throw ApiException.validation(at + ": " + SPARK_ENV + " takes its variables in a nested '" + EXPORT
                + "' classification, not in its own properties");
          }
          environment(configuration.configurations(), at + ".configurations", conf);
        }
        default -> throw ApiException.validation("classification '" + classification + "' at " + at
            + " is not supported; use " + SPARK_DEFAULTS + " (Spark settings) or " + SPARK_ENV
            + " (environment variables in a nested " + EXPORT + " classification)");
      }
    }
    return conf;
  }

  private static void environment(List<Configuration> nested, String member, Map<String, String> conf) {
    if (nested == null) {
      return;
    }
    Members.atMost(nested, MAX_ENTRIES, member);
    for (int i = 0; i < nested.size(); i++) {
      var at = member + "[" + i + "]";
      var export = Members.required(nested.get(i), at);
      if (!EXPORT.equals(export.classification())) {
        throw ApiException.validation("classification '" + export.classification() + "' at " + at + " is not"
            + " supported inside " + SPARK_ENV + "; use '" + EXPORT + "'");
      }
      noNested(export, at, EXPORT + " holds environment variables in its properties");
      properties(export.properties(), at + ".properties").forEach((name, value) -> {
        if (!ENV_NAME.matcher(name).matches()) {
          throw ApiException.validation("'" + name + "' at " + at + " is not an environment variable name;"
              + " use letters, digits and '_', not starting with a digit");
        }
        conf.put("spark.kubernetes.driverEnv." + name, value);
        conf.put("spark.executorEnv." + name, value);
      });
    }
  }

  private static Map<String, String> properties(Map<String, String> properties, String member) {
    if (properties == null) {
      return Map.of();
    }
    Members.atMost(properties.keySet(), MAX_ENTRIES, member);
    properties.forEach((key, value) -> {
      Shape.STRING_1024.required(key, member + ".key");
      Shape.PROPERTY_VALUE.required(value, member + "." + key);
    });
    return properties;
  }

  private static void noNested(Configuration configuration, String at, String why) {
    if (configuration.configurations() != null && !configuration.configurations().isEmpty()) {
      throw ApiException.validation(at + " has nested configurations, which " + configuration.classification()
          + " does not take: " + why);
    }
  }

  /** Spark ignores keys outside spark.*; refusing them says so before the run, not in its log. */
  private static String sparkKey(String key, String at) {
    if (!key.startsWith("spark.")) {
      throw ApiException.validation(SPARK_DEFAULTS + " property '" + key + "' at " + at + " is not a Spark"
          + " setting; Spark reads only keys starting with spark.");
    }
    return key;
  }
}
