package io.sparkube.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Shows which AWS web identity a job's driver and each of its executors have, and that it is
 * enough to read an object: every role reads the same object through Hadoop's FileSystem (S3A for
 * {@code s3a://}) with the job's Hadoop settings. Usage: {@code IdentityProbe <uri> <executors>}.
 *
 * <p>Prints one {@code identity-probe <role> ...} line per role (see {@link ProbeReport}), and
 * fails once every role was tried if any of them could not read.
 */
public final class IdentityProbe {
  private static final Duration EXECUTORS_TIMEOUT = Duration.ofMinutes(3);
  /** Enough tasks per round that every executor runs some; each reads once (see {@link ExecutorProbe}). */
  private static final int TASKS_PER_EXECUTOR = 4;
  private static final int MAX_ROUNDS = 10;

  private IdentityProbe() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 2) {
      System.err.println("Usage: IdentityProbe <uri> <executors>");
      System.exit(2);
    }
    String uri = args[0];
    int executors = Integer.parseInt(args[1]);
    try (var sc = new JavaSparkContext(new SparkConf().setAppName("Identity Probe"))) {
      awaitExecutors(sc, executors);
      var reports = new ArrayList<ProbeReport>();
      reports.add(ProbeReport.probe("driver", uri, sc.hadoopConfiguration()));
      reports.addAll(onEachExecutor(sc, executors, uri, hadoopSettings(sc.getConf())).values());
      reports.forEach(r -> System.out.println(r.line()));
      long failed = reports.stream().filter(ProbeReport::failed).count();
      if (failed > 0) {
        throw new IllegalStateException("identity-probe: " + failed + " of " + reports.size()
            + " roles could not read " + uri);
      }
      if (reports.size() < executors + 1) {
        throw new IllegalStateException("identity-probe: reached " + (reports.size() - 1) + " of " + executors
            + " executors");
      }
    }
  }

  /** Executors register one by one after the driver starts; a role that is not up cannot be probed. */
  private static void awaitExecutors(JavaSparkContext sc, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + EXECUTORS_TIMEOUT.toNanos();
    while (registeredExecutors(sc) < expected) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("identity-probe: " + registeredExecutors(sc) + " of " + expected
            + " executors registered in " + EXECUTORS_TIMEOUT.toSeconds() + "s");
      }
      Thread.sleep(200);
    }
  }

  /** Executors other than the driver's; in local mode the driver's own executor is the only one. */
  private static int registeredExecutors(JavaSparkContext sc) {
    int all = sc.sc().statusTracker().getExecutorInfos().length;
    return sc.isLocal() ? all : all - 1;
  }

  /** The spark.hadoop.* settings, which Spark applies to every Hadoop configuration it makes. */
  private static Map<String, String> hadoopSettings(SparkConf conf) {
    var settings = new TreeMap<String, String>();
    for (var entry : conf.getAllWithPrefix("spark.hadoop.")) {
      settings.put(entry._1(), entry._2());
    }
    return settings;
  }

  /**
   * One report per executor, by executor id. Tasks land where a core is free, so rounds of many
   * small tasks are run until every executor has answered at least once.
   */
  private static Map<String, ProbeReport> onEachExecutor(JavaSparkContext sc, int executors, String uri,
      Map<String, String> settings) {
    var byExecutor = new TreeMap<String, ProbeReport>();
    int tasks = Math.max(1, executors) * TASKS_PER_EXECUTOR;
    for (int round = 0; round < MAX_ROUNDS && byExecutor.size() < executors; round++) {
      List<ProbeReport> reports = sc.parallelize(IntStream.range(0, tasks).boxed().toList(), tasks)
          .map(task -> ExecutorProbe.once(uri, settings))
          .collect();
      reports.forEach(r -> byExecutor.putIfAbsent(r.role(), r));
    }
    return byExecutor;
  }
}
