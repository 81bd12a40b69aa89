package io.sparkube.jobruns.validation;

import io.sparkube.jobruns.error.ApiException;
import io.sparkube.model.SparkLine;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which EMR release labels the API accepts, and the Spark each one runs: the one table, from which
 * the docs are also written ({@link #markdown()}). A label is a release and a suffix, {@code -latest}
 * or a build date {@code -YYYYMMDD}; both run the same Spark here. Releases older than Spark 3.5
 * (emr-6.x and before) and variant suffixes (-java11-latest, -spark-rapids-latest) are refused.
 */
public final class ReleaseLabels {
  /** One row: labels matching {@code release} (before the suffix) run Spark {@code line}. */
  public record Row(String family, Pattern release, SparkLine line) {
    /** The Spark release run, e.g. 3.5.6: the line's reference release, whose jars the images carry. */
    public String sparkVersion() {
      return line.referenceVersion();
    }
  }

  /** A label the API accepts, and what it runs. */
  public record Resolved(String label, SparkLine line, String sparkVersion) {}

  public static final List<Row> TABLE = List.of(
      new Row("emr-7.<minor>.<patch>", Pattern.compile("emr-7\\.\\d{1,3}\\.\\d{1,3}"), SparkLine.V3_5),
      new Row("emr-spark-8.0.<patch>", Pattern.compile("emr-spark-8\\.0\\.\\d{1,3}"), SparkLine.V4_0),
      new Row("emr-spark-8.1.<patch>", Pattern.compile("emr-spark-8\\.1\\.\\d{1,3}"), SparkLine.V4_1));

  private static final Pattern SUFFIX = Pattern.compile("-(latest|\\d{8})$");

  private ReleaseLabels() {}

  public static Resolved resolve(String label) {
    return find(label).orElseThrow(() -> ApiException.validation("unknown release label " + label
        + "; supported: " + supported()));
  }

  static Optional<Resolved> find(String label) {
    var suffix = SUFFIX.matcher(label);
    if (!suffix.find()) {
      return Optional.empty();
    }
    var release = label.substring(0, suffix.start());
    return TABLE.stream().filter(row -> row.release().matcher(release).matches()).findFirst()
        .map(row -> new Resolved(label, row.line(), row.sparkVersion()));
  }

  /** The families with their Spark, for messages. */
  public static String supported() {
    return TABLE.stream().map(row -> row.family() + "-latest or -YYYYMMDD (Spark " + row.sparkVersion() + ")")
        .collect(Collectors.joining(", "));
  }

  /** The table as Markdown, as the module's README shows it. */
  public static String markdown() {
    var rows = TABLE.stream().map(row -> "| `" + row.family() + "-latest`, `" + row.family() + "-YYYYMMDD` | "
        + row.line().line() + " | " + row.sparkVersion() + " | `apache/spark:" + row.sparkVersion() + "` |")
        .collect(Collectors.joining("\n"));
    return "| release label | Spark line | Spark version | default image |\n|---|---|---|---|\n" + rows + "\n";
  }
}
