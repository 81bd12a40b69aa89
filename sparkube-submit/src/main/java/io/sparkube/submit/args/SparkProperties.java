package io.sparkube.submit.args;

import io.sparkube.submit.Reporter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Spark properties spark-submit collects before it looks at its own settings: the
 * {@code --conf} pairs, then the keys of the properties file that --conf did not set, then
 * (when no --properties-file was given, or with --load-spark-defaults) those of
 * spark-defaults.conf that neither set. Keys not starting with "spark." are dropped with a
 * warning, as spark-submit does.
 */
final class SparkProperties {
  private final PropertiesFiles files;
  private final Reporter reporter;

  SparkProperties(PropertiesFiles files, Reporter reporter) {
    this.files = files;
    this.reporter = reporter;
  }

  Map<String, String> collect(CommandLine cl) {
    var properties = new LinkedHashMap<>(cl.conf());
    var propertiesFile = cl.value(Flag.PROPERTIES_FILE);
    propertiesFile.ifPresent(name -> files.load(name).forEach(properties::putIfAbsent));
    // Spark 3.5 reads spark-defaults.conf only without --properties-file; 4.0 added
    // --load-spark-defaults to read it too, under the given file. Without that flag, 3.5 to 4.1
    // behave alike; with it, 3.5 rejects the flag (see LineChecks).
    if (propertiesFile.isEmpty() || cl.has(Flag.LOAD_SPARK_DEFAULTS)) {
      files.defaultFile().ifPresent(path -> files.load(path.toString()).forEach(properties::putIfAbsent));
    }
    properties.keySet().removeIf(key -> {
      if (key.startsWith("spark.")) {
        return false;
      }
      reporter.warn("ignoring non-Spark config property: " + key + " (Spark reads only keys starting with spark.)");
      return true;
    });
    return properties;
  }
}
