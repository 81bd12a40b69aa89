package io.sparkube.bench.controlplane;

import java.util.Arrays;
import java.util.List;

/**
 * What one benchmark run does.
 *
 * @param operatorJvm the control plane JVM's flags; by default those of its Deployment (see {@link #DEPLOYMENT_JVM})
 * @param profile record a JFR profile of the control plane into the run's directory
 */
record Options(int runs, int warmups, int concurrency, int baselineRuns, boolean report, List<String> operatorJvm,
    boolean profile) {
  static final String USAGE = "usage: run [--runs 5000] [--warmups 1000] [--concurrency 16] [--baseline-runs 100]"
      + " [--operator-jvm \"FLAGS\"] [--jfr] [--no-report]";
  /**
   * The control plane Deployment runs it with the serial collector (sparkube control-plane serve's
   * child JVM) in a container limited to 1 GiB, where the JVM sizes its heap from that limit.
   */
  static final List<String> DEPLOYMENT_JVM = List.of("-XX:+UseSerialGC", "-XX:MaxRAM=1g");

  static Options parse(List<String> args) {
    int runs = 5000;
    int warmups = 1000;
    int concurrency = 16;
    int baselineRuns = 100;
    boolean report = true;
    List<String> jvm = DEPLOYMENT_JVM;
    boolean profile = false;
    for (int i = 0; i < args.size(); i++) {
      switch (args.get(i)) {
        case "--runs" -> runs = positive(args, ++i);
        case "--warmups" -> warmups = count(args, ++i);
        case "--concurrency" -> concurrency = positive(args, ++i);
        case "--baseline-runs" -> baselineRuns = count(args, ++i);
        case "--operator-jvm" -> jvm = Arrays.asList(value(args, ++i).strip().split("\\s+"));
        case "--jfr" -> profile = true;
        case "--no-report" -> report = false;
        default -> throw new IllegalArgumentException("unknown argument " + args.get(i) + "; " + USAGE);
      }
    }
    if (report && baselineRuns == 0) {
      throw new IllegalArgumentException("a report needs the baseline; give --baseline-runs N or --no-report");
    }
    return new Options(runs, warmups, concurrency, baselineRuns, report, List.copyOf(jvm), profile);
  }

  private static String value(List<String> args, int i) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(args.get(i - 1) + " needs a value; " + USAGE);
    }
    return args.get(i);
  }

  private static int count(List<String> args, int i) {
    var text = value(args, i);
    try {
      int n = Integer.parseInt(text);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // named below
    }
    throw new IllegalArgumentException(args.get(i - 1) + " " + text + " is not a whole number of at least 0; " + USAGE);
  }

  private static int positive(List<String> args, int i) {
    int n = count(args, i);
    if (n == 0) {
      throw new IllegalArgumentException(args.get(i - 1) + " must be at least 1; " + USAGE);
    }
    return n;
  }
}
