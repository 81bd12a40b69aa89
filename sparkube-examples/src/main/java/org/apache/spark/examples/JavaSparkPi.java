package org.apache.spark.examples;

/** Spark's documented Java entry class for SparkPi, for command lines written for Spark's examples jar. */
public final class JavaSparkPi {

  private JavaSparkPi() {}

  public static void main(String[] args) {
    io.sparkube.examples.SparkPi.main(args);
  }
}
