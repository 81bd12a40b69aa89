package io.sparkube.bench.submit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One tool under test: a label and its command line for a given application name. */
record Contender(String label, Function<String, List<String>> command) {

  static Contender sparkSubmit(SparkLine line, String masterUrl) {
    return new Contender("spark-submit", name -> {
      var cmd = new ArrayList<>(List.of("java", "-cp", line.jars() + "/*", "org.apache.spark.deploy.SparkSubmit"));
      cmd.addAll(line.submitArgs(masterUrl, name));
      return cmd;
    });
  }

  static Contender sparkube(SparkLine line, String launcher, String masterUrl) {
    return new Contender("sparkube", name -> {
      // Spark's client creates no RBAC; --no-rbac keeps both doing the same work.
      var cmd = new ArrayList<>(List.of(launcher, "submit", "--no-wait", "--no-rbac"));
      cmd.addAll(line.submitArgs(masterUrl, name));
      return cmd;
    });
  }
}
