package io.sparkube.submit.args;

import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.SubmitEnvironment;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads properties files as spark-submit does (Utils.getPropertiesFromFile and
 * getDefaultPropertiesFile): java.util.Properties syntax, values trimmed of spaces and control
 * characters but not of escaped line breaks, and a default file found through SPARK_CONF_DIR or
 * SPARK_HOME/conf.
 */
final class PropertiesFiles {
  private final SubmitEnvironment env;

  PropertiesFiles(SubmitEnvironment env) {
    this.env = env;
  }

  /**
   * spark-defaults.conf under SPARK_CONF_DIR, else under SPARK_HOME/conf; empty when that file
   * does not exist. As in Spark, a set SPARK_CONF_DIR without the file does not fall back.
   */
  Optional<Path> defaultFile() {
    return env.variable("SPARK_CONF_DIR")
        .or(() -> env.variable("SPARK_HOME").map(home -> home + "/conf"))
        .map(dir -> env.workingDir().resolve(dir).resolve("spark-defaults.conf"))
        .filter(Files::isRegularFile);
  }

  /** The file's properties, every key (non-spark keys are dropped later, with a warning). */
  Map<String, String> load(String name) {
    var path = env.workingDir().resolve(name);
    if (!Files.exists(path)) {
      throw SparkubeException.invalidConfig(
          "properties file " + path + " does not exist; fix the path given to --properties-file");
    }
    if (!Files.isRegularFile(path)) {
      throw SparkubeException.invalidConfig(
          "properties file " + path + " is not a regular file; give --properties-file a file");
    }
    var properties = new Properties();
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw SparkubeException.invalidConfig(
          "cannot read properties file " + path + ": " + e.getMessage() + "; fix or remove the file");
    }
    // Sorted so that the resulting conf does not depend on Properties' hash order.
    var out = new TreeMap<String, String>();
    for (var key : properties.stringPropertyNames()) {
      out.put(key, trimExceptLineBreaks(properties.getProperty(key)));
    }
    return new LinkedHashMap<>(out);
  }

  /**
   * String.trim, except that CR and LF survive: Properties already removed natural line breaks,
   * so any left were escaped on purpose (Spark's trimExceptCRLF).
   */
  static String trimExceptLineBreaks(String value) {
    int first = 0;
    int last = value.length() - 1;
    while (first <= last && isTrimmed(value.charAt(first))) {
      first++;
    }
    while (last >= first && isTrimmed(value.charAt(last))) {
      last--;
    }
    return value.substring(first, last + 1);
  }

  private static boolean isTrimmed(char c) {
    return c <= ' ' && c != '\r' && c != '\n';
  }
}
