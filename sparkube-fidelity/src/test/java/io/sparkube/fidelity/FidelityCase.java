package io.sparkube.fidelity;

import io.sparkube.model.SparkLine;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One spark-submit command line, as a user would type it after {@code spark-submit} minus
 * --master and --deploy-mode. The argv may depend on the line (image tag, examples jar name).
 */
record FidelityCase(String name, Set<SparkLine> lines, Function<SparkLine, List<String>> argv,
    Function<SparkLine, List<String>> sparkubeFlags) {

  FidelityCase {
    lines = Set.copyOf(lines);
  }

  static FidelityCase onAllLines(String name, Function<SparkLine, List<String>> argv) {
    return new FidelityCase(name, EnumSet.allOf(SparkLine.class), argv, line -> List.of());
  }

  static FidelityCase onLines(String name, Set<SparkLine> lines, Function<SparkLine, List<String>> argv) {
    return new FidelityCase(name, lines, argv, line -> List.of());
  }

  /** Sparkube's own flags for this case (spark-submit would reject them), put before Spark's argv. */
  FidelityCase withSparkubeFlags(Function<SparkLine, List<String>> flags) {
    return new FidelityCase(name, lines, argv, flags);
  }

  List<String> sparkubeArgv(SparkLine line, List<String> sparkArgv) {
    var all = new java.util.ArrayList<>(sparkubeFlags.apply(line));
    all.addAll(sparkArgv);
    return all;
  }

  List<String> argv(SparkLine line) {
    return argv.apply(line);
  }

  @Override
  public String toString() {
    return name;
  }
}
