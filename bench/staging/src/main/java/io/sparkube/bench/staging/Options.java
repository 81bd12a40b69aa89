package io.sparkube.bench.staging;

import static io.sparkube.bench.Arguments.wholeNumber;

import java.util.List;

/**
 * What one run measures, from the command line ({@code given}, kept for the report). The defaults
 * are the figures: a 1 GiB blob, and 200 concurrent downloads of a 100 MiB blob.
 */
record Options(int runs, long blobBytes, int fanout, long fanoutBlobBytes, boolean tls, int quietWaitSeconds,
    boolean report, boolean pausePageReporting, List<String> given) {
  static final String USAGE = "usage: bench/staging/run [--runs 3] [--blob-mib 1024] [--fanout 200]"
      + " [--fanout-mib 100] [--no-tls] [--quiet-wait-s 90] [--no-report] [--leave-page-reporting]";

  /**
   * The most the blobs' copies hold at once, besides the sources: a stored and a downloaded copy of
   * the large blob, and the fan-out server's stored copy.
   */
  long peakCopyBytes() {
    return 2 * blobBytes + fanoutBlobBytes;
  }

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
        case "--runs" -> runs = wholeNumber(args, ++i, 1, USAGE);
        case "--blob-mib" -> blobMib = wholeNumber(args, ++i, 1, USAGE);
        case "--fanout" -> fanout = wholeNumber(args, ++i, 1, USAGE);
        case "--fanout-mib" -> fanoutMib = wholeNumber(args, ++i, 1, USAGE);
        case "--no-tls" -> tls = false;
        case "--quiet-wait-s" -> quietWait = wholeNumber(args, ++i, 0, USAGE);
        case "--no-report" -> report = false;
        case "--leave-page-reporting" -> pausePageReporting = false;
        default -> throw new IllegalArgumentException("unknown argument " + args.get(i) + "; " + USAGE);
      }
    }
    return new Options(runs, blobMib << 20, fanout, fanoutMib << 20, tls, quietWait, report, pausePageReporting,
        List.copyOf(args));
  }
}
