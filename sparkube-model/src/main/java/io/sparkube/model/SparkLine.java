package io.sparkube.model;

import java.util.Arrays;
import java.util.Optional;

/** A Spark release line whose Kubernetes client behaviour Sparkube reproduces. */
public enum SparkLine {
  V3_5("3.5", "3.5.6", "2.12"),
  V4_0("4.0", "4.0.2", "2.13"),
  V4_1("4.1", "4.1.0", "2.13");

  private final String line;
  private final String referenceVersion;
  private final String scalaBinaryVersion;

  SparkLine(String line, String referenceVersion, String scalaBinaryVersion) {
    this.line = line;
    this.referenceVersion = referenceVersion;
    this.scalaBinaryVersion = scalaBinaryVersion;
  }

  /** "3.5", "4.0" or "4.1". */
  public String line() {
    return line;
  }

  /** The release of this line that Sparkube is tested against. */
  public String referenceVersion() {
    return referenceVersion;
  }

  public String scalaBinaryVersion() {
    return scalaBinaryVersion;
  }

  public boolean atLeast(SparkLine other) {
    return compareTo(other) >= 0;
  }

  /** The line of a version such as "3.5", "3.5.6" or "4.0.2-preview"; empty when unknown. */
  public static Optional<SparkLine> ofVersion(String version) {
    return Arrays.stream(values())
        .filter(l -> version.equals(l.line) || version.startsWith(l.line + "."))
        .findFirst();
  }

  public static String supported() {
    return String.join(", ", Arrays.stream(values()).map(SparkLine::line).toList());
  }

  @Override
  public String toString() {
    return line;
  }
}
