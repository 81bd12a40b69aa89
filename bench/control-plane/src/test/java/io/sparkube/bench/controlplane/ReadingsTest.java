package io.sparkube.bench.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the harness reads from the control plane: its /metrics page and its /proc stat line. */
class ReadingsTest {
  private static final String PAGE = """
      # HELP jvm_memory_used_bytes The amount of used memory
      # TYPE jvm_memory_used_bytes gauge
      jvm_memory_used_bytes{area="heap",id="Eden Space"} 1048576.0
      jvm_memory_used_bytes{area="heap",id="Tenured Gen"} 2.097152E6
      jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 5.0E7
      jvm_memory_used_bytes_extra{area="heap"} 9.0
      sparkube_reconcile_queue_depth 12.0
      sparkube_api_requests_seconds_count{operation="StartJobRun",status="200"} 40
      sparkube_api_requests_seconds_count{operation="DescribeJobRun",status="200"} 2
      """;

  @Test
  void sumsTheSamplesWhoseLabelsMatch() {
    assertThat(MetricsSampler.heapUsed(PAGE)).isEqualTo(3 * 1048576.0);
    assertThat(PrometheusText.sum(PAGE, "sparkube_reconcile_queue_depth")).isEqualTo(12);
    assertThat(PrometheusText.sum(PAGE, "sparkube_api_requests_seconds_count", "operation=\"StartJobRun\""))
        .isEqualTo(40);
  }

  @Test
  void aMissingMetricIsAnErrorNotAZero() {
    assertThatThrownBy(() -> PrometheusText.sum(PAGE, "sparkube_submission_seconds_count"))
        .hasMessageContaining("no sample of sparkube_submission_seconds_count");
  }

  @Test
  void cpuIsUserPlusSystemTimeEvenWhenTheCommandHasSpaces() {
    var stat = "4242 (java main) S 1 4242 4242 0 -1 4194560 9000 0 0 0 250 125 0 0 20 0 40 0 100 0 0";
    assertThat(ProcessCpu.ofStat(stat, 100)).isEqualTo(3.75);
  }

  @Test
  void theMachineIsBusyInAllButIdleAndIoWait() {
    var cpuLine = "cpu  1000 50 300 90000 700 20 30 5 0 0";
    assertThat(ProcessCpu.ofMachineStat(cpuLine, 100)).isEqualTo(14.05);
  }

  @Test
  void optionsDefaultToTheIssuesFiguresAndRefuseWhatTheyDoNotKnow() {
    var options = Options.parse(List.of());
    assertThat(options.runs()).isEqualTo(5000);
    assertThat(options.concurrency()).isEqualTo(16);
    assertThat(options.operatorJvm()).isEqualTo(Options.DEPLOYMENT_JVM);
    assertThat(Options.parse(List.of("--operator-jvm", " -XX:+UseG1GC  -Xmx1g ")).operatorJvm())
        .containsExactly("-XX:+UseG1GC", "-Xmx1g");
    assertThatThrownBy(() -> Options.parse(List.of("--runs", "0"))).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Options.parse(List.of("--baseline-runs", "0"))).hasMessageContaining("--no-report");
    assertThatThrownBy(() -> Options.parse(List.of("--threads", "3")))
        .hasMessageContaining("unknown argument --threads").hasMessageContaining("usage");
  }
}
