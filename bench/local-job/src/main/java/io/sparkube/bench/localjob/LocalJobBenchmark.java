package io.sparkube.bench.localjob;

import io.sparkube.bench.Machine;
import io.sparkube.bench.SparkRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Times SparkPi (2 executors of 1 core and 1 GB) on the local cluster, submitted with
 * {@code sparkube submit}, against Spark's own {@code local-cluster[2,1,1024]} mode on the same
 * jars, alternating fresh child processes, and writes medians, their ratio and the local
 * cluster's breakdown to BENCHMARKS.md.
 *
 * <p>Usage: {@code LocalJobBenchmark ROOT [--line 4.0] [--runs 5] [--warmups 1] [--no-report] [--wait-port MINUTES]}
 */
public final class LocalJobBenchmark {
  private LocalJobBenchmark() {}

  public static void main(String[] args) throws Exception {
    var root = Path.of(args[0]).toAbsolutePath().normalize();
    String lineName = "4.0";
    int runs = 5;
    int warmups = 1;
    boolean report = true;
    int waitPort = 20;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--line" -> lineName = args[++i];
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--warmups" -> warmups = Integer.parseInt(args[++i]);
        case "--no-report" -> report = false;
        case "--wait-port" -> waitPort = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; usage: run [--line 3.5|4.0|4.1] [--runs N] [--warmups N] [--no-report] [--wait-port MINUTES]");
      }
    }
    var line = SparkRuntime.of(root, lineName);
    var examplesJar = root.resolve("sparkube-examples/target/sparkube-examples-0.1.0-SNAPSHOT.jar");
    if (!Files.isRegularFile(examplesJar)) {
      throw new IllegalArgumentException(examplesJar + " is missing; build it: mvn -q package -pl sparkube-examples");
    }
    var target = root.resolve("bench/local-job/target");
    var logs = target.resolve("runs/spark-" + lineName);
    deleteRecursively(logs); // the previous invocation's logs and SPARK_HOMEs
    Files.createDirectories(logs);
    var home = Files.createDirectories(target.resolve("home"));
    var sparkHomes = Files.createDirectories(logs.resolve("spark-homes"));
    var child = new ChildProcess(logs);

    try (var cluster = new LocalCluster(root, home, child)) {
      var clusterUp = cluster.start(line.version(), Duration.ofMinutes(waitPort));
      System.out.printf("local cluster up in %d ms%n", clusterUp.toMillis());
      try (var pods = new PodWatch(cluster.kubeconfig(), "default", logs.resolve("pod-events.txt"))) {
        List<Contender> contenders = List.of(
            new SparkLocalClusterContender(line, examplesJar, sparkHomes, child),
            new LocalClusterContender(root, line, home, pods, child));
        var results = List.<List<Run>>of(new ArrayList<>(), new ArrayList<>());
        int n = 0;
        for (int round = 0; round < warmups + runs; round++) {
          for (int c = 0; c < contenders.size(); c++) {
            var name = String.format("benchpi-%04d", n++);
            var run = contenders.get(c).run(name);
            boolean timed = round >= warmups;
            System.out.printf("%-24s %s %s wall %6.0f ms  %s%n", contenders.get(c).label(),
                timed ? "run   " : "warmup", name, run.wall(), phases(run));
            if (timed) {
              results.get(c).add(run);
            }
          }
        }
        var baseline = Summary.of(contenders.get(0).label(), results.get(0));
        var ours = Summary.of(contenders.get(1).label(), results.get(1));
        var section = Report.section(line, Machine.describe(root), contenders.get(0).command("NAME"),
            contenders.get(1).command("NAME"), baseline, ours, warmups, clusterUp)
            .replace(sparkHomes + "/NAME", "$SPARK_HOME").replace(root + "/", "");
        System.out.println();
        System.out.print(section);
        if (report) {
          Report.write(root.resolve("BENCHMARKS.md"), lineName, section);
          System.out.println("wrote " + root.resolve("BENCHMARKS.md"));
        }
      }
    }
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (var p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p); // a jars link is deleted, not followed
      }
    }
  }

  private static String phases(Run run) {
    var text = new StringBuilder();
    for (var m : Milestone.values()) {
      var phase = run.phase(m);
      if (phase != null) {
        text.append(String.format("%s %.0f  ", m.name().toLowerCase(), phase));
      }
    }
    return text.toString().strip();
  }
}
