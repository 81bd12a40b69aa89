package io.sparkube.submit.args;

import io.sparkube.model.SparkLine;
import io.sparkube.model.config.Conf;
import io.sparkube.submit.driver.DriverKeys;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Decides which Spark line a job runs: --spark-version when given, else the one supported
 * version found in the driver image's tag ("apache/spark:3.5.6",
 * "spark:4.0.2-scala2.13-java17-ubuntu", "ghcr.io/x/spark:v3.5.1-custom"). Versions of other
 * software in a tag (scala2.13, python3.10) are not Spark lines and are ignored; two different
 * lines in one tag are ambiguous.
 */
public final class SparkLineResolver {
  private static final Pattern FLAG_VERSION = Pattern.compile("(\\d+)\\.(\\d+)(\\.\\d+)?([-+].*)?");
  private static final Pattern TAG_VERSION = Pattern.compile("(?<![0-9.])(\\d+)\\.(\\d+)(?:\\.\\d+)?(?![0-9])");

  private SparkLineResolver() {}

  public static SparkLine resolve(Optional<String> sparkVersionFlag, Conf conf) {
    // The driver's image runs Spark's client side, so it decides; it defaults to the shared image.
    var image = conf.getOptional(DriverKeys.DRIVER_CONTAINER_IMAGE).filter(s -> !s.isBlank())
        .orElseThrow(() -> new SparkubeException(Failure.MISSING_IMAGE,
            "no container image is set; set spark.kubernetes.container.image, e.g."
                + " --conf spark.kubernetes.container.image=apache/spark:3.5.6"));
    if (sparkVersionFlag.isPresent()) {
      return fromFlag(sparkVersionFlag.get());
    }
    var lines = linesInTag(tagOf(image));
    if (lines.size() != 1) {
      throw SparkubeException.invalidConfig("cannot tell the Spark line from image " + image
          + (lines.isEmpty() ? "" : " (its tag names " + lines + ")")
          + "; pass --spark-version " + String.join("|", supportedLines()));
    }
    return lines.iterator().next();
  }

  /**
   * The job's full Spark version, written into the spark-version label: a full --spark-version,
   * else a full version of that line in the image tag, else the line's reference release.
   */
  public static String release(SparkLine line, Optional<String> sparkVersionFlag, Conf conf) {
    var full = Pattern.compile("(?<![0-9.])" + Pattern.quote(line.line()) + "\\.\\d+(?![0-9.])");
    var fromFlag = sparkVersionFlag.map(String::trim).filter(v -> full.matcher(v).matches());
    if (fromFlag.isPresent()) {
      return fromFlag.get();
    }
    var image = conf.getOptional(DriverKeys.DRIVER_CONTAINER_IMAGE).orElse("");
    var m = full.matcher(tagOf(image));
    return m.find() ? m.group() : line.referenceVersion();
  }

  static SparkLine fromFlag(String version) {
    var m = FLAG_VERSION.matcher(version.trim());
    var line = m.matches() ? lineOf(m.group(1) + "." + m.group(2)) : Optional.<SparkLine>empty();
    return line.orElseThrow(() -> SparkubeException.invalidConfig(
        "--spark-version " + version + " is not a supported Spark line; use one of "
            + String.join(", ", supportedLines()) + " (or a release such as "
            + SparkLine.V3_5.referenceVersion() + ")"));
  }

  /** The tag of an image reference, without a digest; empty when there is none. */
  static String tagOf(String image) {
    var ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    var lastPart = ref.substring(ref.lastIndexOf('/') + 1);
    int colon = lastPart.indexOf(':');
    return colon < 0 ? "" : lastPart.substring(colon + 1);
  }

  private static Set<SparkLine> linesInTag(String tag) {
    var found = new TreeSet<SparkLine>();
    var m = TAG_VERSION.matcher(tag);
    while (m.find()) {
      lineOf(m.group(1) + "." + m.group(2)).ifPresent(found::add);
    }
    return found;
  }

  private static Optional<SparkLine> lineOf(String majorMinor) {
    return Arrays.stream(SparkLine.values()).filter(l -> l.line().equals(majorMinor)).findFirst();
  }

  private static String[] supportedLines() {
    return Arrays.stream(SparkLine.values()).map(SparkLine::line).toArray(String[]::new);
  }
}
