package io.sparkube.submit.driver;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sparkube.model.config.ConfigKey;
import io.sparkube.model.error.SparkubeException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** Pod template files, read from the submitting machine (a path or a file: URI). */
public final class TemplateFiles {
  private TemplateFiles() {}

  public static String read(ConfigKey<?> key, String location) {
    var path = toPath(key, location);
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw SparkubeException.invalidConfig(key.key() + "=" + location + " cannot be read (" + e.getMessage()
          + "); give a readable local file");
    }
  }

  public static Pod readPod(ConfigKey<?> key, String location) {
    return parsePod(key.key() + "=" + location, read(key, location));
  }

  public static Pod parsePod(ConfigKey<?> key, String text) {
    return parsePod(key.key() + " (as prepared by Sparkube)", text);
  }

  private static Pod parsePod(String what, String text) {
    try {
      return Serialization.unmarshal(text, Pod.class);
    } catch (RuntimeException e) {
      throw SparkubeException.invalidConfig(what + " is not a pod template: "
          + firstLine(e.getMessage()) + "; fix the YAML");
    }
  }

  private static Path toPath(ConfigKey<?> key, String location) {
    if (location.startsWith("file:")) {
      return Path.of(URI.create(location));
    }
    if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      throw SparkubeException.invalidConfig(key.key() + "=" + location
          + " is remote; Sparkube reads pod templates from the submitting machine, so give a local path");
    }
    return Path.of(location);
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
  }
}
