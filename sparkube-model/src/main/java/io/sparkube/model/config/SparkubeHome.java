package io.sparkube.model.config;

import java.nio.file.Path;
import java.util.Map;

/** Where Sparkube keeps its files on this machine: {@code $SPARKUBE_HOME}, by default {@code ~/.sparkube}. */
public final class SparkubeHome {
  private SparkubeHome() {
  }

  public static Path of(Map<String, String> env) {
    return env.containsKey("SPARKUBE_HOME")
        ? Path.of(env.get("SPARKUBE_HOME"))
        : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".sparkube");
  }
}
