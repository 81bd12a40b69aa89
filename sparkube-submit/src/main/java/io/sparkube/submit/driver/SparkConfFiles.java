package io.sparkube.submit.driver;

import io.sparkube.model.error.SparkubeException;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The files of the driver's SPARK_CONF_DIR: the submitter's own conf directory (log4j2.properties
 * and friends, within the ConfigMap size limit) plus spark.properties with the resolved conf.
 */
final class SparkConfFiles {
  static final String PROPERTIES_FILE = "spark.properties";

  private SparkConfFiles() {}

  static Map<String, String> build(String configMapName, Optional<String> confDir, long maxSize,
      Map<String, String> resolvedProperties) {
    var files = new LinkedHashMap<>(confDir.map(dir -> loadConfDir(dir, maxSize)).orElse(Map.of()));
    if (!resolvedProperties.isEmpty()) {
      files.put(PROPERTIES_FILE, propertiesText(configMapName, resolvedProperties));
    }
    return files;
  }

  /** Written by java.util.Properties itself, so escaping and line order are the JDK's, as in Spark. */
  static String propertiesText(String configMapName, Map<String, String> properties) {
    var props = new Properties();
    properties.forEach(props::setProperty);
    var writer = new StringWriter();
    try {
      props.store(writer, "Java properties built from Kubernetes config map with name: " + configMapName);
    } catch (IOException e) {
      throw new IllegalStateException("writing to a StringWriter cannot fail", e);
    }
    return writer.toString();
  }

  private static Map<String, String> loadConfDir(String dir, long maxSize) {
    var listed = new File(dir).listFiles();
    if (listed == null) {
      return Map.of();
    }
    List<File> candidates = Arrays.stream(listed)
        .filter(File::isFile)
        .filter(f -> f.length() + f.getName().length() <= maxSize && !f.getName().matches(".*\\.(gz|zip|jar|tar)"))
        .filter(f -> !f.getName().matches(".*\\.template") && !f.getName().matches("spark.*(conf|properties)"))
        // Smallest first, by name among equals, so the most files fit under the limit.
        .sorted(Comparator.comparing(File::getName))
        .sorted(Comparator.comparingLong(f -> f.getName().length() + f.length()))
        .toList();
    var loaded = new LinkedHashMap<String, String>();
    long total = 0;
    for (var file : candidates) {
      var content = readUtf8(file);
      if (content.isEmpty()) {
        continue;
      }
      long size = file.getName().length() + content.get().length();
      if (total + size < maxSize) {
        loaded.put(file.getName(), content.get());
        total += size;
      }
    }
    return loaded;
  }

  private static Optional<String> readUtf8(File file) {
    try {
      var decoder = StandardCharsets.UTF_8.newDecoder();
      return Optional.of(decoder.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file.toPath()))).toString());
    } catch (CharacterCodingException e) {
      // Spark skips files that are not UTF-8 with a warning; so do we.
      return Optional.empty();
    } catch (IOException e) {
      throw SparkubeException.invalidConfig("cannot read " + file + " from the Spark conf directory: " + e.getMessage());
    }
  }
}
