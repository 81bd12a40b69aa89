package io.sparkube.bench.submit;

import io.sparkube.bench.ChildRun;
import io.sparkube.bench.Contender;
import io.sparkube.bench.Machine;
import io.sparkube.bench.Measurement;
import io.sparkube.bench.PodCreations;
import io.sparkube.bench.SparkRuntime;
import io.sparkube.local.api.LocalApiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Times {@code sparkube submit --no-wait} against Spark's own SparkSubmit (same line's jars, own
 * JVM, cluster mode, waitAppCompletion=false) against one local API server, alternating fresh
 * child processes, and writes the medians and their ratios to BENCHMARKS.md.
 *
 * <p>Usage: {@code SubmitBenchmark ROOT [--line 3.5] [--runs 20] [--warmups 1] [--no-report] [--only sparkube] [--sparkube LAUNCHER]}
 */
public final class SubmitBenchmark {
  // The mock web server logs every request at INFO through java.util.logging; keep the output readable.
  private static final Logger SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  private SubmitBenchmark() {}

  public static void main(String[] args) throws Exception {
    var root = Path.of(args[0]).toAbsolutePath().normalize();
    String lineName = "3.5";
    int runs = 20;
    int warmups = 1;
    boolean report = true;
    String only = null;
    String launcher = root.resolve("bin/sparkube").toString();
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--line" -> lineName = args[++i];
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--warmups" -> warmups = Integer.parseInt(args[++i]);
        case "--no-report" -> report = false;
        case "--only" -> only = args[++i]; // while tuning: time one tool, write no report
        case "--sparkube" -> launcher = args[++i]; // e.g. an older launcher, to compare
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; usage: run [--line 3.5|4.0|4.1] [--runs N] [--warmups N] [--no-report] [--only TOOL] [--sparkube LAUNCHER]");
      }
    }
    SERVER_LOG.setLevel(Level.WARNING);
    if (launcher.equals(root.resolve("bin/sparkube").toString())) {
      forgetClassDataArchive(root);
    }
    var line = SparkRuntime.of(root, lineName);
    var logs = Files.createDirectories(root.resolve("bench/submit/target/runs/spark-" + lineName));
    var pods = new PodCreations();
    try (var api = LocalApiServer.start(pods, 0)) {
      var contenders = List.of(Contender.sparkSubmit(line, api.url()),
          sparkube(line, launcher, api.url()));
      var child = new ChildRun(pods, logs);
      var results = List.<List<Measurement>>of(new ArrayList<>(), new ArrayList<>());
      int n = 0;
      for (int round = 0; round < warmups + runs; round++) {
        for (int c = 0; c < contenders.size(); c++) {
          if (only != null && !only.equals(contenders.get(c).label())) {
            continue;
          }
          var name = String.format("benchpi-%04d", n++);
          var m = child.run(contenders.get(c), name);
          boolean timed = round >= warmups;
          System.out.printf("%-12s %s %-12s to pod %6.0f ms  process %6.0f ms  cpu %6.0f ms%n",
              contenders.get(c).label(), timed ? "run   " : "warmup", name, m.toPodCreated(), m.processWall(), m.cpu());
          if (timed) {
            results.get(c).add(m);
          }
        }
      }
      if (only != null) {
        var summary = Summary.of(only, results.get(only.equals("sparkube") ? 1 : 0));
        System.out.printf("%s medians: to pod %s, process %s, cpu %s%n", only, summary.toPodCreated().cell(),
            summary.processWall().cell(), summary.cpu().cell());
        return;
      }
      var spark = Summary.of("spark-submit", results.get(0));
      var ours = Summary.of("sparkube", results.get(1));
      var section = Report.section(line, Machine.describe(root), contenders.get(0).command().apply("NAME"),
          contenders.get(1).command().apply("NAME"), spark, ours, warmups)
          .replace(api.url(), "http://127.0.0.1:PORT").replace(root + "/", "");
      System.out.println();
      System.out.print(section);
      if (report) {
        Report.write(root.resolve("BENCHMARKS.md"), lineName, section);
        System.out.println("wrote " + root.resolve("BENCHMARKS.md"));
      }
    }
  }

  private static Contender sparkube(SparkRuntime line, String launcher, String masterUrl) {
    return new Contender("sparkube", name -> {
      // Spark's client creates no RBAC; --no-rbac keeps both doing the same work.
      var cmd = new ArrayList<>(List.of(launcher, "submit", "--no-wait", "--no-rbac"));
      cmd.addAll(line.submitArgs(masterUrl, name));
      return cmd;
    });
  }

  /**
   * bin/sparkube records its class data archive from the first command after a build, which may
   * have been any submit (an end-to-end test's, say) loading other classes than this one. Without
   * it, the first warm-up records one for exactly the command measured, as a user's repeats would.
   */
  private static void forgetClassDataArchive(Path root) throws IOException {
    try (var archives = Files.newDirectoryStream(root.resolve("sparkube-cli/target"), "sparkube-*.jsa")) {
      for (var archive : archives) {
        Files.delete(archive);
      }
    }
  }
}
