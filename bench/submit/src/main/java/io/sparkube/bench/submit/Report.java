package io.sparkube.bench.submit;

import io.sparkube.bench.BenchmarksFile;
import io.sparkube.bench.Machine;
import io.sparkube.bench.SparkRuntime;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes (or replaces) this Spark line's section of BENCHMARKS.md, leaving the other sections alone. */
final class Report {
  private static final String HEADER = """
      # Benchmarks

      Every figure is measured against its baseline in the same run, on the same machine; compare
      ratios, not milliseconds, across machines. Each section is rewritten by the harness named in it.
      """;

  private Report() {}

  static String section(SparkRuntime line, Machine machine, List<String> sparkCommand, List<String> sparkubeCommand,
      Summary spark, Summary ours, int warmups) {
    var begin = begin(line.line());
    return begin + "\n## `sparkube submit --no-wait` vs `spark-submit`, Spark " + line.version() + "\n\n"
        + "Written by `bench/submit/run --line " + line.line() + "` on "
        + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replaceAll("\\.\\d+", "") + ".\n\n"
        + "- Machine: " + machine.nproc() + " CPUs (" + machine.cpuModel() + "), " + machine.os() + "\n"
        + "- Java (both tools): `" + machine.javaVersion() + "`\n"
        + "- Commit: `" + machine.commit() + "`\n"
        + "- Method: one local API server (`LocalApiServer`, plain http on 127.0.0.1); " + spark.runs()
        + " runs of each tool, alternated (spark-submit first), each a fresh child process, after " + warmups
        + " untimed warm-up run of each (file cache; sparkube's first use also writes its class data archive). "
        + "*To pod created* = child process start to the driver pod POST's arrival at the server (one clock). "
        + "*Process wall* = start to exit. *CPU* = user+sys of the whole child process tree, all threads "
        + "(bash `times` of the reaped child). Each run has its own `--name`, same pattern for both tools.\n\n"
        + "Commands (`NAME` varies per run):\n\n```\n" + shell(sparkCommand) + "\n" + shell(sparkubeCommand) + "\n```\n\n"
        + "| median (min–max) | to pod created | process wall | CPU (user+sys) |\n"
        + "|---|---|---|---|\n"
        + row(spark) + row(ours)
        + "| **spark-submit / sparkube** | **" + Summary.ratio(spark.toPodCreated(), ours.toPodCreated()) + "** | **"
        + Summary.ratio(spark.processWall(), ours.processWall()) + "** | **" + Summary.ratio(spark.cpu(), ours.cpu())
        + "** |\n\nTarget: at least 5x on wall time to pod created and on CPU.\n" + end(line.line()) + "\n";
  }

  private static String shell(List<String> command) {
    return String.join(" ", command.stream().map(a -> a.contains("*") ? "'" + a + "'" : a).toList());
  }

  private static String row(Summary s) {
    return "| " + s.label() + " | " + s.toPodCreated().cell() + " | " + s.processWall().cell() + " | "
        + s.cpu().cell() + " |\n";
  }

  static void write(Path file, String line, String section) throws IOException {
    BenchmarksFile.writeSection(file, HEADER, "bench/submit spark-" + line, section);
  }

  private static String begin(String line) {
    return BenchmarksFile.begin("bench/submit spark-" + line);
  }

  private static String end(String line) {
    return BenchmarksFile.end("bench/submit spark-" + line);
  }
}
