package io.sparkube.examples;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;

/** The executor side of {@link IdentityProbe}: each executor JVM probes an object once, whatever its task count. */
final class ExecutorProbe {
  private static final Map<String, ProbeReport> REPORTS = new ConcurrentHashMap<>();
  /** Keeps this executor's core busy a moment, so the other executors take their share of the tasks. */
  private static final long HOLD_MILLIS = 100;

  private ExecutorProbe() {}

  static ProbeReport once(String uri, Map<String, String> hadoopSettings) throws InterruptedException {
    var report = REPORTS.computeIfAbsent(uri, u -> {
      var conf = new Configuration();
      hadoopSettings.forEach(conf::set);
      var probed = ProbeReport.probe("executor " + SparkEnv.get().executorId(), u, conf);
      // Also in the executor's own log, next to whatever the SDK logged while trying.
      System.out.println(probed.line());
      return probed;
    });
    Thread.sleep(HOLD_MILLIS);
    return report;
  }
}
