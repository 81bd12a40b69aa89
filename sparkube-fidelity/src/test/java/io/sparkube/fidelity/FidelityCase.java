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
record FidelityCase(String name, Set<SparkLine> lines, Function<SparkLine, List<String>> argv) {

  FidelityCase {
    lines = Set.copyOf(lines);
  }

  static FidelityCase onAllLines(String name, Function<SparkLine, List<String>> argv) {
    return new FidelityCase(name, EnumSet.allOf(SparkLine.class), argv);
  }

  static FidelityCase onLines(String name, Set<SparkLine> lines, Function<SparkLine, List<String>> argv) {
    return new FidelityCase(name, lines, argv);
  }

  List<String> argv(SparkLine line) {
    return argv.apply(line);
  }

  @Override
  public String toString() {
    return name;
  }
}
