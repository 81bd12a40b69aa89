package io.sparkube.bench.controlplane;

import io.sparkube.bench.BenchmarksFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes (or replaces) the control plane's section of BENCHMARKS.md, leaving the other sections alone. */
final class Report {
  static final String MARKER = "bench/control-plane";
  private static final String HEADER = """
      # Benchmarks

      Every figure is measured against its baseline in the same run, on the same machine; compare
      ratios, not milliseconds, across machines. Each section is rewritten by the harness named in it.
      """;

  private Report() {}

  static String section(Results r) {
    var cp = r.controlPlane();
    var base = r.baseline();
    var o = r.options();
    return BenchmarksFile.begin(MARKER) + "\n## Job-run admission: control plane REST API vs `spark-submit` per job\n\n"
        + "Written by `bench/control-plane/run` on "
        + r.at().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replaceAll("\\.\\d+", "") + ".\n\n"
        + "- Machine: " + r.machine().nproc() + " CPUs (" + r.machine().cpuModel() + "), " + r.machine().os()
        + "; load average (1/5/15 min) " + r.loadBefore() + " as the run began. The machine is shared: other"
        + " processes used " + otherCpu(cp.otherCpuSeconds(), cp.cpuWindowSeconds()) + " during the control"
        + " plane's timed batch and " + otherCpu(base.otherCpuSeconds(), base.seconds()) + " during the"
        + " baseline's (the machine's busy time, /proc/stat, less the benchmark's own processes)\n"
        + "- Java (all JVMs): `" + r.machine().javaVersion() + "`\n"
        + "- Commit: `" + r.machine().commit() + "`\n"
        + "- Method: " + Method.of(r) + "\n\n"
        + "Commands (control plane; baseline, `NAME` varying per job):\n\n```\n"
        + "KUBECONFIG=DIR/kubeconfig " + shell(cp.command()) + "\n" + shell(base.command()) + "\n```\n\n"
        + "| | jobs | concurrency | admitted/s, overall | admitted/s, sustained | latency p50 | p99 | max"
        + " | failures | CPU per job |\n"
        + "|---|---|---|---|---|---|---|---|---|---|\n"
        + row("control plane (REST API → operator)", cp.timed(), o.concurrency(), cp.cpuMillisPerRun())
        + row("control plane, its untimed warm-up", cp.warmup(), o.concurrency(), Double.NaN)
        + row("spark-submit, a process per job", base.timed(), o.concurrency(), base.cpuMillisPerJob())
        + "| **control plane / spark-submit** | | | **" + times(r.ratio()) + "** | "
        + times(cp.timed().sustainedPerSecond() / base.timed().sustainedPerSecond()) + " | | | | | "
        + times(base.cpuMillisPerJob() / cp.cpuMillisPerRun()) + " less |\n"
        + "\n" + controlPlaneDetails(cp, r.machine().nproc()) + "\n\n"
        + "Objects created per job: control plane " + perJob(cp.createdPerRun()) + "; spark-submit "
        + perJob(base.createdPerJob()) + ".\n\n"
        + "API server requests per job: control plane " + perJob(cp.requestsPerRun()) + "; spark-submit "
        + perJob(base.requestsPerJob()) + ".\n\n"
        + "Targets: at least " + (int) Results.SUSTAINED_TARGET + " job runs/s sustained: **"
        + verdict(r.sustainedMet()) + "** (" + rate(cp.timed().sustainedPerSecond()) + "/s); at least "
        + (int) Results.RATIO_TARGET + "x spark-submit's rate: **" + verdict(r.ratioMet()) + "** ("
        + times(r.ratio()) + ")." + failures(cp.timed(), base.timed()) + "\n"
        + BenchmarksFile.end(MARKER) + "\n";
  }

  private static String controlPlaneDetails(ControlPlaneResult cp, int cpus) {
    return String.format(Locale.ROOT, "Control plane JVM during the timed batch (%.1f s from the first call until"
        + " every run was SUBMITTED): %.1f CPU-s, %.1f ms per run (%.1f CPU-s since it started, set-up and warm-up"
        + " included); heap in use at most %.0f MiB (sampled from `/metrics` once a second), %.0f MiB live after"
        + " the batch and a full GC (`jcmd GC.run`), of a %.0f MiB maximum. The harness JVM (API server and"
        + " callers) used %.1f CPU-s (%.1f ms per run) over the same window, so the two kept %.1f of the %d CPUs"
        + " busy. StartJobRun answered in %.1f ms on average while up to %.0f runs waited in the reconcile queue,"
        + " and the operator took %.1f ms on average to plan and create a driver: past the API's answer, a run's"
        + " latency is its wait for the operator.", cp.cpuWindowSeconds(), cp.cpuSeconds(), cp.cpuMillisPerRun(),
        cp.cpuTotalSeconds(), mib(cp.heapPeakBytes()), mib(cp.heapLiveBytes()), mib(cp.heapMaxBytes()),
        cp.harnessCpuSeconds(), cp.harnessCpuSeconds() * 1000 / cp.timed().attempts(),
        (cp.cpuSeconds() + cp.harnessCpuSeconds()) / cp.cpuWindowSeconds(), cpus, cp.apiStartMillis(),
        cp.queuePeak(), cp.operatorSubmitMillis());
  }

  private static String row(String label, Admission a, int concurrency, double cpuMillis) {
    return String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s | %s | %d | %s |%n", label, a.attempts(),
        concurrency, rate(a.perSecond()), rate(a.sustainedPerSecond()), millis(a.p50Millis()), millis(a.p99Millis()),
        millis(a.maxMillis()), a.failures().size(), millis(cpuMillis));
  }

  private static String failures(Admission... batches) {
    var all = Arrays.stream(batches).flatMap(b -> b.failures().stream()).toList();
    return all.isEmpty() ? "" : " **" + all.size() + " jobs failed, so the figures above do not stand**; e.g. "
        + all.get(0) + ".";
  }

  private static String otherCpu(double seconds, double window) {
    return String.format(Locale.ROOT, "%.1f CPU-s (%.2f CPUs on average)", seconds, seconds / window);
  }

  private static String perJob(Map<String, Double> perJob) {
    return perJob.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + " " + count(e.getValue())).collect(Collectors.joining(", "));
  }

  /** Whole numbers as such; a request made a few times in the whole batch (a relist) as {@code <0.01}. */
  private static String count(double perJob) {
    if (perJob == Math.rint(perJob)) {
      return String.format(Locale.ROOT, "%.0f", perJob);
    }
    return perJob < 0.005 ? "<0.01" : String.format(Locale.ROOT, "%.2f", perJob);
  }

  /** Too few arrivals for a sustained rate (or a ratio of one), or a figure not measured, show as a dash. */
  static String rate(double perSecond) {
    if (Double.isNaN(perSecond)) {
      return "—";
    }
    return String.format(Locale.ROOT, perSecond < 10 ? "%.2f" : perSecond < 100 ? "%.1f" : "%.0f", perSecond);
  }

  private static String times(double ratio) {
    return Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.0fx", ratio);
  }

  private static String millis(double ms) {
    if (Double.isNaN(ms)) {
      return "—";
    }
    return String.format(Locale.ROOT, ms < 10 ? "%.1f ms" : "%,.0f ms", ms);
  }

  private static double mib(double bytes) {
    return bytes / (1 << 20);
  }

  private static String verdict(boolean met) {
    return met ? "PASS" : "FAIL";
  }

  private static String shell(List<String> command) {
    return command.stream().map(a -> a.contains("*") ? "'" + a + "'" : a).collect(Collectors.joining(" "));
  }

  static void write(Path file, String section) throws IOException {
    BenchmarksFile.writeSection(file, HEADER, MARKER, section);
  }
}
