package io.sparkube.bench.localjob;

import java.io.IOException;
import java.util.List;

/** One way of running SparkPi with two 1-core, 1 GB executors; each run is a fresh child process. */
sealed interface Contender permits LocalClusterContender, SparkLocalClusterContender {

  String label();

  /** The command line for one run, {@code name} being its application name. */
  List<String> command(String name);

  Run run(String name) throws IOException, InterruptedException;

  /** The application's arguments and settings, the same for both contenders. */
  static List<String> sparkPi(String name) {
    return List.of("--name", name, "--class", "org.apache.spark.examples.SparkPi",
        "--conf", "spark.executor.cores=1", "--conf", "spark.executor.memory=1g",
        // JSON log lines carry milliseconds; the default pattern has whole seconds only.
        "--conf", "spark.log.structuredLogging.enabled=true");
  }

  static String slices() {
    return "100";
  }
}
