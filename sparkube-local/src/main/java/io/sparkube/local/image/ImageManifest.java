package io.sparkube.local.image;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The image config of a local image (the roles of a container image's ENTRYPOINT, WORKDIR and
 * ENV), stored as {@code image.properties} beside its root.
 */
record ImageManifest(int format, String name, SparkRelease release, String entrypoint, String workingDir,
    Map<String, String> env) {

  /** Bumped whenever the layout or the entrypoint's contract changes: older images are rebuilt. */
  static final int FORMAT = 1;

  private static final String ENV_PREFIX = "env.";

  ImageManifest {
    env = Map.copyOf(env);
  }

  static ImageManifest forRelease(SparkRelease release, Path javaHome) {
    var env = new LinkedHashMap<String, String>();
    env.put("SPARK_HOME", SparkImageLayout.SPARK_HOME);
    env.put("JAVA_HOME", javaHome.toString());
    // No $SPARK_HOME/bin: there is no Spark distribution, so no bin/spark-submit.
    env.put("PATH", javaHome.resolve("bin") + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    return new ImageManifest(FORMAT, "apache/spark:" + release.version(), release,
        SparkImageLayout.ENTRYPOINT, SparkImageLayout.WORK_DIR, env);
  }

  LocalImage toLocalImage(Path root) {
    return new LocalImage(name, root, List.of(entrypoint), workingDir, env);
  }

  void write(Path file) throws IOException {
    var properties = new Properties();
    properties.setProperty("format", Integer.toString(format));
    properties.setProperty("name", name);
    properties.setProperty("spark.version", release.version());
    properties.setProperty("scala.binary.version", release.scalaBinaryVersion());
    properties.setProperty("entrypoint", entrypoint);
    properties.setProperty("workingDir", workingDir);
    env.forEach((key, value) -> properties.setProperty(ENV_PREFIX + key, value));
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      properties.store(out, "A Sparkube local image (sparkube local image build); its file system is rootfs/");
    }
  }

  static ImageManifest read(Path file) throws IOException {
    var properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    var env = new TreeMap<String, String>();
    for (var key : properties.stringPropertyNames()) {
      if (key.startsWith(ENV_PREFIX)) {
        env.put(key.substring(ENV_PREFIX.length()), properties.getProperty(key));
      }
    }
    try {
      return new ImageManifest(Integer.parseInt(required(properties, "format", file)),
          required(properties, "name", file),
          SparkRelease.of(required(properties, "spark.version", file)),
          required(properties, "entrypoint", file), required(properties, "workingDir", file), env);
    } catch (IllegalArgumentException e) {
      throw new IOException("bad image manifest " + file + ": " + e.getMessage(), e);
    }
  }

  private static String required(Properties properties, String key, Path file) throws IOException {
    var value = properties.getProperty(key);
    if (value == null) {
      throw new IOException("bad image manifest " + file + ": no " + key);
    }
    return value;
  }
}
