package io.sparkube.submit.args;

import io.sparkube.model.SparkLine;
import io.sparkube.model.config.Conf;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The checks that need the Spark line, which is only known after parsing: flags the line's
 * spark-submit does not have, and spark.kubernetes.* keys the line does not know.
 */
public final class LineChecks {
  private static final String KUBERNETES = "spark.kubernetes.";

  private LineChecks() {}

  /** Fails for flags this line's spark-submit rejects; today only --load-spark-defaults (4.0+). */
  public static void requireFlagsSupported(SubmitOptions options, SparkLine line) {
    if (options.loadSparkDefaults() && !line.atLeast(SparkLine.V4_0)) {
      throw new SparkubeException(Failure.UNKNOWN_FLAG,
          "--load-spark-defaults needs Spark 4.0 or later, and this job runs Spark " + line
              + "; drop the flag and merge spark-defaults.conf into your --properties-file");
    }
  }

  /**
   * One warning line per spark.kubernetes.* key the line does not declare, naming the nearest
   * key it does, or the lines that know it. Spark itself ignores such keys silently.
   */
  public static List<String> unknownKeyWarnings(Conf conf, SparkLine line) {
    var catalogue = KubernetesKeyCatalogue.of(line);
    var warnings = new ArrayList<String>();
    for (var key : conf.asMap().keySet()) {
      if (!key.startsWith(KUBERNETES) || catalogue.knows(key)) {
        continue;
      }
      var otherLines = Arrays.stream(SparkLine.values())
          .filter(l -> KubernetesKeyCatalogue.of(l).knows(key))
          .map(SparkLine::line)
          .collect(Collectors.joining(", "));
      if (!otherLines.isEmpty()) {
        warnings.add(key + " is not a Spark " + line + " setting (it exists in Spark " + otherLines
            + ") and will be ignored; remove it or pick that line with --spark-version");
      } else {
        var hint = Nearest.to(key, catalogue.candidatesFor(key)).map(n -> "; did you mean " + n + "?").orElse("");
        warnings.add(key + " is not a Spark " + line + " setting and will be ignored" + hint);
      }
    }
    return warnings;
  }
}
