package org.apache.spark.examples;

/**
 * Spark's documented entry class, so command lines written for Spark's examples jar
 * ({@code --class org.apache.spark.examples.SparkPi}) run unchanged on local images.
 */
public final class SparkPi {

  private SparkPi() {}

  public static void main(String[] args) {
    io.sparkube.examples.SparkPi.main(args);
  }
}
