package io.sparkube.submit.driver;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sparkube.model.config.ConfigKey;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.SubmitRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Pod template files, read from the submitting machine (a path or a file: URI).
 *
 * <p>A template Sparkube prepared is parsed once per text and the same {@link Pod} is handed to
 * every job that has that text (an operator runs many jobs of one identity). So a template pod
 * returned here is shared: read it, and copy it (as {@code new PodBuilder(template)} does, which
 * both callers, {@link PodTemplates} and the identity's token templates, do first) to change it.
 */
public final class TemplateFiles {
  /** Prepared texts in use at once: about one per identity and role. */
  private static final int REMEMBERED = 64;
  private static final BoundedMemo<String, Pod> PREPARED = new BoundedMemo<>(REMEMBERED);

  private TemplateFiles() {}

  /** The driver's pod template (shared; do not change it): Sparkube's prepared text, else the file the conf names. */
  public static Optional<Pod> driverPod(SubmitRequest request) {
    return pod(request, request.templates().driver(), DriverKeys.DRIVER_POD_TEMPLATE_FILE);
  }

  /** The executors' pod template, read the same way (and shared the same way). */
  public static Optional<Pod> executorPod(SubmitRequest request) {
    return pod(request, request.templates().executor(), DriverKeys.EXECUTOR_POD_TEMPLATE_FILE);
  }

  /** The executors' pod template as text, as it is shipped to the driver. */
  public static Optional<String> executorText(SubmitRequest request) {
    return request.templates().executor().or(() -> request.conf().getOptional(DriverKeys.EXECUTOR_POD_TEMPLATE_FILE)
        .map(file -> read(DriverKeys.EXECUTOR_POD_TEMPLATE_FILE, file)));
  }

  private static Optional<Pod> pod(SubmitRequest request, Optional<String> prepared, ConfigKey<String> fileKey) {
    return prepared.map(text -> parsePod(fileKey, text))
        .or(() -> request.conf().getOptional(fileKey).map(file -> readPod(fileKey, file)));
  }

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

  static Pod parsePod(ConfigKey<?> key, String text) {
    return PREPARED.get(text, prepared -> parsePod(key.key() + " (as prepared by Sparkube)", prepared));
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
