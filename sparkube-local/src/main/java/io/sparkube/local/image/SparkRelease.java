package io.sparkube.local.image;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Spark release a local image can hold: a 3.5.x (Scala 2.12), 4.0.x or 4.1.x (Scala 2.13)
 * version. Each line's jars come with the version pins of its spark-runtimes module.
 */
public record SparkRelease(String version, String line, String scalaBinaryVersion) {

  /** The release of each line that Sparkube is tested against. */
  public static final List<String> REFERENCE_VERSIONS = List.of("3.5.6", "4.0.2", "4.1.0");

  private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+)\\.\\d+");
  private static final Map<String, String> SCALA_BY_LINE = Map.of("3.5", "2.12", "4.0", "2.13", "4.1", "2.13");

  /** The release of {@code version}; fails with a message naming the supported ones. */
  public static SparkRelease of(String version) {
    var matcher = VERSION.matcher(version == null ? "" : version);
    if (!matcher.matches() || !SCALA_BY_LINE.containsKey(matcher.group(1))) {
      throw new IllegalArgumentException("local images hold Spark 3.5.x, 4.0.x or 4.1.x (such as "
          + String.join(", ", REFERENCE_VERSIONS) + "), not: " + version);
    }
    return new SparkRelease(version, matcher.group(1), SCALA_BY_LINE.get(matcher.group(1)));
  }

  /** The name Spark's own images give their examples jar. */
  public String examplesJarName() {
    return "spark-examples_" + scalaBinaryVersion + "-" + version + ".jar";
  }

  /** Spark 4's launcher also turns off Derby authentication for every submitted JVM. */
  boolean launcherDisablesDerbyAuthentication() {
    return !line.equals("3.5");
  }
}
