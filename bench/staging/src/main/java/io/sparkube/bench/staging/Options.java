package io.sparkube.bench.staging;

import java.util.List;

/**
 * What one run measures, from the command line ({@code given}, kept for the report). The defaults
 * are the figures: a 1 GiB blob, and 200 concurrent downloads of a 100 MiB blob.
 */
record Options(int runs, long blobBytes, int fanout, long fanoutBlobBytes, boolean tls, int quietWaitSeconds,
    boolean report, boolean pausePageReporting, List<String> given) {
  static final String USAGE = "usage: bench/staging/run [--runs 3] [--blob-mib 1024] [--fanout 200]"
      + " [--fanout-mib 100] [--no-tls] [--quiet-wait-s 90] [--no-report] [--leave-page-reporting]";

  static Options parse(List<String> args) {
    int runs = 3;
    long blobMib = 1024;
    int fanout = 200;
    long fanoutMib = 100;
    boolean tls = true;
    int quietWait = 90;
    boolean report = true;
    boolean pausePageReporting = true;
    for (int i = 0; i < args.size(); i++) {
      switch (args.get(i)) {
        case "--runs" -> runs = positive(args, ++i);
        case "--blob-mib" -> blobMib = positive(args, ++i);
        case "--fanout" -> fanout = positive(args, ++i);
        case "--fanout-mib" -> fanoutMib = positive(args, ++i);
        case "--no-tls" -> tls = false;
        case "--quiet-wait-s" -> quietWait = nonNegative(args, ++i);
        case "--no-report" -> report = false;
        case "--leave-page-reporting" -> pausePageReporting = false;
        default -> throw new IllegalArgumentException("unknown argument " + args.get(i) + "; " + USAGE);
      }
    }
    return new Options(runs, blobMib << 20, fanout, fanoutMib << 20, tls, quietWait, report, pausePageReporting,
        List.copyOf(args));
  }

  private static int positive(List<String> args, int i) {
    return atLeast(1, args, i);
  }

  private static int nonNegative(List<String> args, int i) {
    return atLeast(0, args, i);
  }

  private static int atLeast(int min, List<String> args, int i) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(args.get(i - 1) + " needs a number; " + USAGE);
    }
    try {
      int value = Integer.parseInt(args.get(i));
      if (value >= min) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new IllegalArgumentException(args.get(i - 1) + " " + args.get(i) + " is not a whole number of at least "
        + min + "; " + USAGE);
  }
}
