package io.sparkube.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One tool under test: a label and its command line for a given application name. */
public record Contender(String label, Function<String, List<String>> command) {

  /** Spark's own SparkSubmit from the line's jars, in its own JVM, as a Spark distribution runs it. */
  public static Contender sparkSubmit(SparkRuntime spark, String masterUrl) {
    return new Contender("spark-submit", name -> {
      var cmd = new ArrayList<>(List.of("java", "-cp", spark.jars() + "/*", "org.apache.spark.deploy.SparkSubmit"));
      cmd.addAll(spark.submitArgs(masterUrl, name));
      return cmd;
    });
  }
}
