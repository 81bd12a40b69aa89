package io.sparkube.bench.localjob;

import io.sparkube.bench.SparkRuntime;
import io.sparkube.bench.BenchmarksFile;
import io.sparkube.bench.Machine;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Writes (or replaces) this Spark line's bench/local-job section of BENCHMARKS.md, leaving the other sections alone. */
final class Report {
  private static final String HEADER = """
      # Benchmarks

      Every figure is measured against its baseline in the same run, on the same machine; compare
      ratios, not milliseconds, across machines. Each section is rewritten by the harness named in it.
      """;

  /** Each phase ends at its milestone and starts at the previous milestone the contender has. */
  private static final Map<Milestone, String> PHASES = Map.of(
      Milestone.DRIVER_POD_CREATED, "submit (→ driver pod created)",
      Milestone.DRIVER_POD_RUNNING, "pod start (→ driver pod Running)",
      Milestone.SPARK_CONTEXT_STARTED, "driver start (→ \"Running Spark version\")",
      Milestone.EXECUTORS_REQUESTED, "executors requested (→ \"Going to request\" / Master \"Launching executor\")",
      Milestone.EXECUTORS_REGISTERED, "executors registered (→ 2nd \"Registered executor\")",
      Milestone.JOB_FINISHED, "job (→ \"Job 0 finished\")",
      Milestone.TORN_DOWN, "teardown (→ driver Succeeded and executor pods deleted / process exit)",
      Milestone.EXIT, "exit (→ the submitting process exits)");

  private Report() {}

  static String section(SparkRuntime line, Machine machine, List<String> baselineCommand, List<String> oursCommand,
      Summary baseline, Summary ours, int warmups, Duration clusterUp) {
    return begin(line.line()) + "\n## SparkPi on the local cluster vs Spark's `local-cluster[2,1,1024]`, Spark "
        + line.version() + "\n\n"
        + "Written by `bench/local-job/run --line " + line.line() + "` on "
        + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replaceAll("\\.\\d+", "") + ".\n\n"
        + "- Machine: " + machine.nproc() + " CPUs (" + machine.cpuModel() + "), " + machine.memoryGiB() + " GiB, "
        + machine.os() + "\n"
        + "- Java (all JVMs): `" + machine.javaVersion() + "`\n"
        + "- Commit: `" + machine.commit() + "`\n"
        + "- Job: SparkPi, 100 slices, 2 executors of 1 core and 1 GB, driver default (1 GB); the same jars "
        + "(`spark-runtimes/spark-" + line.line() + "/target/jars`) and the same examples jar for both. "
        + "`spark.log.structuredLogging.enabled=true` for both, so the driver log has milliseconds.\n"
        + "- Local cluster: started once before the runs (`sparkube local up`: " + clusterUp.toMillis()
        + " ms, not counted); `sparkube submit` in cluster mode, which waits for the driver and exits with its code.\n"
        + "- `local-cluster`: Spark's own mode (Master and 2 Workers in the driver JVM, executors in their own "
        + "JVMs), driver in client mode. A Maven-built Spark has no `bin/`, and the Workers build the executor "
        + "command from `SPARK_HOME/jars`, so each run gets a fresh SPARK_HOME with a link to the jars and a "
        + "`bin/spark-submit` of our own that runs the command Spark's launcher builds (Spark's launcher builds the driver "
        + "command, -Xmx1g and its JVM flags, then it is exec'd).\n"
        + "- Method: " + ours.runs() + " runs of each, alternated (`local-cluster` first), each a fresh child "
        + "process, after " + warmups + " untimed warm-up run of each. *Wall* = child process start to exit. "
        + "Breakdown: pod times from a watch on the pods (this machine's clock), Spark times from the driver log "
        + "(same clock); each phase runs from the previous milestone the contender has, so a phase it lacks "
        + "folds into its next one. Phases are medians of each run's phase, so they need not add up to the "
        + "median wall.\n\n"
        + "Commands (`NAME` varies per run):\n\n```\n" + shell(baselineCommand) + "\n" + shell(oursCommand)
        + "\n```\n\n"
        + "| median (min–max) | wall |\n|---|---|\n"
        + "| " + baseline.label() + " | " + baseline.wall().cell() + " |\n"
        + "| " + ours.label() + " | " + ours.wall().cell() + " |\n"
        + "| **local cluster / local-cluster** | **" + Summary.ratio(baseline.wall(), ours.wall()) + "** |\n\n"
        + "Target: within 1.3x of `local-cluster`.\n\n"
        + "Breakdown (median phase; median time since process start in brackets):\n\n"
        + "| phase | " + ours.label() + " | " + baseline.label() + " |\n|---|---|---|\n"
        + breakdown(ours, baseline)
        + end(line.line()) + "\n";
  }

  private static String breakdown(Summary ours, Summary baseline) {
    var rows = new StringBuilder();
    for (var m : Milestone.values()) {
      rows.append("| ").append(PHASES.get(m)).append(" | ").append(cell(ours, m)).append(" | ")
          .append(cell(baseline, m)).append(" |\n");
    }
    return rows.toString();
  }

  private static String cell(Summary s, Milestone m) {
    var phase = s.phases().get(m);
    return phase == null ? "—" : phase.seconds() + " (" + s.cumulative().get(m).seconds() + ")";
  }

  private static String shell(List<String> command) {
    return String.join(" ", command.stream().map(a -> a.contains("[") || a.contains("*") ? "'" + a + "'" : a)
        .toList());
  }

  static void write(Path file, String line, String section) throws IOException {
    BenchmarksFile.writeSection(file, HEADER, "bench/local-job spark-" + line, section);
  }

  private static String begin(String line) {
    return BenchmarksFile.begin("bench/local-job spark-" + line);
  }

  private static String end(String line) {
    return BenchmarksFile.end("bench/local-job spark-" + line);
  }
}
