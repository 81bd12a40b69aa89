package org.apache.spark.examples;

/**
 * Spark's documented entry class for word count ({@code JavaWordCount <file>}), so its command
 * lines run unchanged on local images; the output is sorted, as in {@link io.sparkube.examples.WordCount}.
 */
public final class JavaWordCount {

  private JavaWordCount() {}

  public static void main(String[] args) {
    io.sparkube.examples.WordCount.main(args);
  }
}
