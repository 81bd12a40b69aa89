package io.sparkube.bench.controlplane;

import static io.sparkube.bench.Arguments.value;
import static io.sparkube.bench.Arguments.wholeNumber;

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
        case "--runs" -> runs = wholeNumber(args, ++i, 1, USAGE);
        case "--warmups" -> warmups = wholeNumber(args, ++i, 0, USAGE);
        case "--concurrency" -> concurrency = wholeNumber(args, ++i, 1, USAGE);
        case "--baseline-runs" -> baselineRuns = wholeNumber(args, ++i, 0, USAGE);
        case "--operator-jvm" -> jvm = Arrays.asList(value(args, ++i, USAGE).strip().split("\\s+"));
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
}
