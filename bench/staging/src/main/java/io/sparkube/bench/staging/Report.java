package io.sparkube.bench.staging;

import io.sparkube.bench.BenchmarksFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/** Writes (or replaces) the staging section of BENCHMARKS.md, leaving the other sections alone. */
final class Report {
  static final String MARKER = "bench/staging";
  static final double TARGET = 0.80;
  private static final String HEADER = """
      # Benchmarks

      Every figure is measured against its baseline in the same run, on the same machine; compare
      ratios, not milliseconds, across machines. Each section is rewritten by the harness named in it.
      """;

  private Report() {}

  static void write(Path file, String section) throws IOException {
    BenchmarksFile.writeSection(file, HEADER, MARKER, section);
  }

  static String section(Results r) {
    var labels = List.copyOf(r.streams().keySet());
    var baseline = r.streams().get(labels.get(0));
    var http = r.streams().get(labels.get(1));
    double up = rateRatio(http, baseline, StreamRun::upload);
    double down = rateRatio(http, baseline, StreamRun::download);
    var fanLabels = List.copyOf(r.fanouts().keySet());
    var fanHttp = r.fanouts().get(fanLabels.get(1));
    int failed = fanHttp.stream().mapToInt(f -> f.failures().size()).sum();
    int attempted = fanHttp.stream().mapToInt(FanoutResult::downloads).sum();
    return BenchmarksFile.begin(MARKER) + "\n## Staging server throughput vs the loopback limit\n\n"
        + "Written by `" + String.join(" ", concat("bench/staging/run", r.options().given())) + "` on "
        + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replaceAll("\\.\\d+", "") + ".\n\n"
        + ReportMethod.of(r) + "\n"
        + streamTable(r, labels, up, down) + "\n"
        + uploadSplit(baseline, http) + "\n"
        + fanoutTable(r, fanLabels) + "\n"
        + disturbance(r) + "\n"
        + "Target: upload and download each at least " + percent(TARGET) + " of the loopback copy's throughput"
        + " (medians, plain http); no failed fan-out download.\n\n"
        + "Result: upload **" + verdict(up >= TARGET) + "** (" + percent(up) + "), download **"
        + verdict(down >= TARGET) + "** (" + percent(down) + "), fan-out **" + verdict(failed == 0) + "** ("
        + failed + " of " + attempted + " failed).\n"
        + BenchmarksFile.end(MARKER) + "\n";
  }

  private static String streamTable(Results r, List<String> labels, double up, double down) {
    var o = r.options();
    var baseline = r.streams().get(labels.get(0));
    var text = new StringBuilder("### One stream, " + mib(o.blobBytes()) + " MiB blob\n\n"
        + "| median (min–max) of " + o.runs() + " runs | upload | download | CPU per GiB, upload | CPU per GiB,"
        + " download |\n|---|---|---|---|---|\n");
    for (var label : labels) {
      var runs = r.streams().get(label);
      text.append("| ").append(label).append(" | ").append(rate(runs, StreamRun::upload)).append(" | ")
          .append(rate(runs, StreamRun::download)).append(" | ").append(cpu(runs, StreamRun::upload)).append(" | ")
          .append(cpu(runs, StreamRun::download)).append(" |\n");
      if (label.equals(labels.get(1))) {
        text.append("| **").append(label).append(" / loopback** | **").append(percent(up)).append("** | **")
            .append(percent(down)).append("** | ").append(cpuRatio(runs, baseline, StreamRun::upload)).append(" | ")
            .append(cpuRatio(runs, baseline, StreamRun::download)).append(" |\n");
      }
    }
    return text.toString();
  }

  private static String uploadSplit(List<StreamRun> baseline, List<StreamRun> http) {
    double before = Stats.median(http.stream().map(run -> run.upload().seconds() - run.put().seconds()).toList());
    double put = Stats.median(http.stream().map(run -> run.put().seconds()).toList());
    double putRate = Stats.median(http.stream().map(run -> run.put().mibPerSecond()).toList());
    double baselineRate = Stats.median(baseline.stream().map(run -> run.upload().mibPerSecond()).toList());
    double beforeCpu = Stats.median(http.stream()
        .map(run -> (run.upload().cpuNanos() - run.put().cpuNanos()) / 1e9).toList());
    double putCpu = Stats.median(http.stream().map(run -> run.put().cpuNanos() / 1e9).toList());
    return String.format("Where the http upload's time goes (medians): %.2f s (%.2f s CPU) before the first body byte"
        + " (HEAD for the limits), then %.2f s (%.2f s CPU) from the first body byte to the 201 (POST body; the"
        + " server hashes, writes and fsyncs). The body part alone runs at %.0f MiB/s, %s of the loopback upload."
        + " The whole upload's CPU by thread group (medians, s): %s.%n", before, beforeCpu, put, putCpu, putRate,
        percent(putRate / baselineRate), cpuByThread(http));
  }

  /** Median seconds per thread group over the runs; a group missing from a run counts as 0 there. */
  private static String cpuByThread(List<StreamRun> runs) {
    var groups = new TreeSet<String>();
    runs.forEach(run -> groups.addAll(run.uploadCpuByThread().keySet()));
    return String.join(", ", groups.stream().map(g -> String.format("`%s` %.2f", g,
        Stats.median(runs.stream().map(run -> run.uploadCpuByThread().getOrDefault(g, 0.0)).toList()))).toList());
  }

  private static String fanoutTable(Results r, List<String> labels) {
    var o = r.options();
    var text = new StringBuilder("### " + o.fanout() + " concurrent downloads of a " + mib(o.fanoutBlobBytes())
        + " MiB blob\n\n| median (min–max) of " + o.runs() + " runs | aggregate | p50 per download | p99 per"
        + " download | CPU per GiB | failed downloads |\n|---|---|---|---|---|---|\n");
    for (var label : labels) {
      var runs = r.fanouts().get(label);
      text.append("| ").append(label).append(" | ")
          .append(cell(Results.Spread.of(runs, f -> f.aggregate().mibPerSecond()), "%.0f", " MiB/s")).append(" | ")
          .append(cell(Results.Spread.of(runs, f -> f.percentileSeconds(50)), "%.2f", " s")).append(" | ")
          .append(cell(Results.Spread.of(runs, f -> f.percentileSeconds(99)), "%.2f", " s")).append(" | ")
          .append(cell(Results.Spread.of(runs, f -> f.aggregate().cpuSecondsPerGib()), "%.2f", " s")).append(" | ")
          .append(runs.stream().mapToInt(f -> f.failures().size()).sum()).append(" of ")
          .append(runs.stream().mapToInt(FanoutResult::downloads).sum()).append(" |\n");
    }
    var base = r.fanouts().get(labels.get(0));
    var http = r.fanouts().get(labels.get(1));
    double ratio = Results.Spread.of(http, f -> f.aggregate().mibPerSecond()).median()
        / Results.Spread.of(base, f -> f.aggregate().mibPerSecond()).median();
    text.append("| **").append(labels.get(1)).append(" / loopback** | **").append(percent(ratio))
        .append("** | | | | |\n");
    http.stream().flatMap(f -> f.failures().stream()).distinct().limit(3)
        .forEach(p -> text.append("\nFailure seen: `").append(p).append("`\n"));
    return text.toString();
  }

  private static String disturbance(Results r) {
    var others = new ArrayList<Double>();
    r.streams().values().forEach(runs -> runs.forEach(run -> others.add(run.otherCpu())));
    r.fanouts().values().forEach(runs -> runs.forEach(f -> others.add(f.otherCpu())));
    return String.format("Other processes used %.0f%% of the machine's CPU during the median timed run and %.0f%%"
        + " during the most disturbed one (user-space processes other than this JVM; a lower bound). Rates suffer"
        + " most from that; CPU per GiB less, though not nothing.%n", Stats.median(others) * 100,
        Stats.max(others) * 100);
  }

  private static double rateRatio(List<StreamRun> ours, List<StreamRun> baseline,
      Function<StreamRun, Transfer> figure) {
    return Results.Spread.of(ours, run -> figure.apply(run).mibPerSecond()).median()
        / Results.Spread.of(baseline, run -> figure.apply(run).mibPerSecond()).median();
  }

  private static String cpuRatio(List<StreamRun> ours, List<StreamRun> baseline,
      Function<StreamRun, Transfer> figure) {
    return String.format("%.1fx the CPU", Results.Spread.of(ours, run -> figure.apply(run).cpuSecondsPerGib()).median()
        / Results.Spread.of(baseline, run -> figure.apply(run).cpuSecondsPerGib()).median());
  }

  private static String rate(List<StreamRun> runs, Function<StreamRun, Transfer> figure) {
    return cell(Results.Spread.of(runs, run -> figure.apply(run).mibPerSecond()), "%.0f", " MiB/s");
  }

  private static String cpu(List<StreamRun> runs, Function<StreamRun, Transfer> figure) {
    return cell(Results.Spread.of(runs, run -> figure.apply(run).cpuSecondsPerGib()), "%.2f", " s");
  }

  /** "805 MiB/s (790–812)": the median with its unit, then the range. */
  private static String cell(Results.Spread s, String number, String unit) {
    return String.format(number, s.median()) + unit + " (" + String.format(number, s.min()) + "–"
        + String.format(number, s.max()) + ")";
  }

  private static List<String> concat(String first, List<String> rest) {
    var all = new ArrayList<String>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  static String percent(double ratio) {
    return String.format("%.0f%%", ratio * 100);
  }

  private static String verdict(boolean met) {
    return met ? "PASS" : "FAIL";
  }

  static long mib(long bytes) {
    return bytes >> 20;
  }
}
