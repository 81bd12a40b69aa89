package io.sparkube.model.config;

import io.sparkube.model.error.SparkubeException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A server process's settings: an optional properties file (its one argument) overlaid with the
 * {@code -D} system properties under the server's prefixes, which win.
 */
public final class ServerSettings {
  private ServerSettings() {}

  public static Conf read(List<String> args, Properties system, List<String> prefixes) {
    if (args.size() > 1) {
      throw SparkubeException.invalidConfig("expected at most one argument, a properties file of " + prefixes
          + "* settings, not " + args);
    }
    var entries = new LinkedHashMap<String, String>();
    if (!args.isEmpty()) {
      entries.putAll(file(Path.of(args.get(0))));
    }
    system.stringPropertyNames().stream().filter(k -> prefixes.stream().anyMatch(k::startsWith))
        .forEach(k -> entries.put(k, system.getProperty(k)));
    return Conf.of(entries);
  }

  private static Map<String, String> file(Path file) {
    var properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw SparkubeException.invalidConfig("cannot read settings file " + file + " (" + e.getMessage()
          + "); give a readable properties file");
    }
    var out = new LinkedHashMap<String, String>();
    properties.stringPropertyNames().forEach(k -> out.put(k, properties.getProperty(k)));
    return out;
  }
}
