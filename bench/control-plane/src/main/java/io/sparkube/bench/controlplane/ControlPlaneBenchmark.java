package io.sparkube.bench.controlplane;

import io.sparkube.bench.Machine;
import io.sparkube.bench.SparkRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Times job-run admission through the control plane's REST API (API call to driver pod created)
 * against Spark's own spark-submit per job at the same concurrency, and writes the rates, the
 * latencies and the control plane's CPU and heap to BENCHMARKS.md.
 *
 * <p>Usage: {@code ControlPlaneBenchmark ROOT [options]}; see {@link Options#USAGE}.
 */
public final class ControlPlaneBenchmark {
  /** The release label the runs ask for (emr-spark-8.0.x) runs this Spark line. */
  private static final String SPARK_LINE = "4.0";
  // The mock web server logs every request at INFO through java.util.logging; keep the output readable.
  private static final Logger SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  private ControlPlaneBenchmark() {}

  public static void main(String[] args) throws Exception {
    var root = Path.of(args[0]).toAbsolutePath().normalize();
    var options = Options.parse(Arrays.asList(args).subList(1, args.length));
    SERVER_LOG.setLevel(Level.WARNING);
    var out = System.out;
    var spark = SparkRuntime.of(root, SPARK_LINE);
    var runs = Files.createDirectories(root.resolve("bench/control-plane/target/runs"));
    var loadBefore = LoadAverage.now();
    out.println("load average before: " + loadBefore);
    var machine = Machine.describe(root);
    var controlPlane = new ControlPlaneMeasurement(root, spark, options, runs, out).measure();
    if (options.baselineRuns() == 0) {
      return;
    }
    var baseline = new SparkSubmitBaseline(spark, options, runs.resolve("spark-submit"), out).measure();
    var results = new Results(ZonedDateTime.now(), machine, spark, options, loadBefore, controlPlane, baseline);
    var section = Report.section(results).replace(runs + "/", "DIR/").replace(root + "/", "")
        .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT").replaceAll("([pP]ort)=\\d+", "$1=PORT");
    out.println();
    out.print(section);
    if (options.report()) {
      Report.write(root.resolve("BENCHMARKS.md"), section);
      out.println("wrote " + root.resolve("BENCHMARKS.md"));
    }
  }
}
