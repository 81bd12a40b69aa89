package io.sparkube.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Estimates pi by throwing darts, as Spark's own SparkPi does and with its output line. Usage:
 * {@code SparkPi [slices]}. Written against Spark's Java API only, so one jar serves Scala 2.12
 * and 2.13 lines alike.
 */
public final class SparkPi {

  private static final int POINTS_PER_SLICE = 100_000;

  private SparkPi() {}

  public static void main(String[] args) {
    int slices = args.length > 0 ? parseSlices(args[0]) : 2;
    // Spark's SparkPi samples 1 until n, with n capped to avoid an Int overflow.
    int n = (int) Math.min((long) POINTS_PER_SLICE * slices, Integer.MAX_VALUE);
    try (var sc = new JavaSparkContext(new SparkConf().setAppName("Spark Pi"))) {
      // Each slice draws its own share instead of the driver shipping n integers.
      long inside = sc.parallelize(shares(n - 1, slices), slices)
          .map(SparkPi::dartsInside)
          .reduce(Long::sum);
      System.out.println("Pi is roughly " + 4.0 * inside / (n - 1));
    }
  }

  private static int parseSlices(String value) {
    try {
      int slices = Integer.parseInt(value);
      if (slices > 0) {
        return slices;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("slices must be a positive integer, got: " + value);
  }

  /** {@code total} split into {@code parts} near-equal counts. */
  static List<Integer> shares(int total, int parts) {
    var shares = new ArrayList<Integer>(parts);
    for (int i = 0; i < parts; i++) {
      shares.add(total / parts + (i < total % parts ? 1 : 0));
    }
    return shares;
  }

  private static long dartsInside(int darts) {
    var random = ThreadLocalRandom.current();
    long inside = 0;
    for (int i = 0; i < darts; i++) {
      double x = random.nextDouble() * 2 - 1;
      double y = random.nextDouble() * 2 - 1;
      if (x * x + y * y <= 1) {
        inside++;
      }
    }
    return inside;
  }
}
