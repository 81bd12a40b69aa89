package io.sparkube.bench.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkube.bench.Machine;
import io.sparkube.bench.SparkRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  @TempDir
  Path dir;

  private static Admission admission(int runs, double perSecond, double sustained, List<String> failures) {
    return new Admission(runs, runs - failures.size(), failures, perSecond, sustained, 40, 90, 120, runs / perSecond);
  }

  private static Results results(Admission controlPlane, Admission baseline) {
    var options = Options.parse(List.of());
    var cp = new ControlPlaneResult(List.of("java", "-cp", "sparkube-cli/target/lib/*", "Main"),
        admission(200, 90, 95, List.of()), controlPlane, 45, 50, 80, 30, 4.5, 150e6, 60e6, 256e6, 40,
        Map.of("pods", 1.0, "configmaps", 2.0), Map.of("POST pods", 1.0, "GET virtualclusters", 1.0), 3.5, 2.0);
    var base = new BaselineResult(List.of("java", "SparkSubmit"), baseline, 6000, 330, 12, 3.3, Map.of("pods", 1.0),
        Map.of("POST pods", 1.0));
    return new Results(ZonedDateTime.parse("2026-11-21T12:00:00Z"), new Machine(2, 24, "AMD EPYC", "Linux", "17", "abc"),
        new SparkRuntime("4.0", Path.of("jars"), "4.0.2", "2.13"), options, new LoadAverage("0.10", "0.20", "0.30"),
        cp, base);
  }

  @Test
  void passesOnlyWhenBothTargetsAreMetAndRewritesOnlyItsOwnSection() throws Exception {
    var passing = results(admission(5000, 120, 130, List.of()), admission(100, 0.3, 0.32, List.of()));
    var file = Files.writeString(dir.resolve("BENCHMARKS.md"), "# Benchmarks\n\n<!-- other begin -->\nkept\n"
        + "<!-- other end -->\n");

    Report.write(file, Report.section(passing));
    Report.write(file, Report.section(passing));

    assertThat(Files.readString(file)).startsWith("# Benchmarks\n\n<!-- other begin -->\nkept\n<!-- other end -->\n")
        .containsOnlyOnce("<!-- bench/control-plane begin -->").endsWith("<!-- bench/control-plane end -->\n")
        .contains("| control plane (REST API → operator) | 5000 | 16 | 120 | 130 | 40 ms | 90 ms | 120 ms | 0"
            + " | 10 ms |")
        .contains("| **control plane / spark-submit** | | | **400x** |")
        .contains("sustained: **PASS** (130/s)", "spark-submit's rate: **PASS** (400x)", "configmaps 2, pods 1",
            "other processes used 4.5 CPU-s (0.10 CPUs on average) during the control plane's timed batch"
                + " and 3.3 CPU-s (0.01 CPUs on average) during the baseline's",
            "requests per job: control plane GET virtualclusters 1, POST pods 1; spark-submit POST pods 1",
            "'sparkube-cli/target/lib/*'");
  }

  @Test
  void aFailedRunVoidsThePassAndIsNamed() {
    var failing = results(admission(5000, 120, 130, List.of("run-7: HTTP 500: boom")), admission(100, 0.3, 0.32,
        List.of()));

    assertThat(Report.section(failing)).contains("sustained: **FAIL**", "spark-submit's rate: **FAIL**",
        "1 jobs failed, so the figures above do not stand**; e.g. run-7: HTTP 500: boom");
  }
}
