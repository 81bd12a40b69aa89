package io.sparkube.bench.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdmissionTest {
  private static final long MS = 1_000_000;

  @Test
  void ratesRunFromTheFirstCallToTheLastDriverAndLatenciesFromEachCallToItsDriver() {
    var attempts = new ArrayList<Attempt>();
    // 100 runs, one called every 10 ms, each driver 50 ms after its call, but the last one 1 s late.
    for (int i = 0; i < 100; i++) {
      long start = i * 10 * MS;
      attempts.add(new Attempt("run-" + i, start, start + (i == 99 ? 1050 : 50) * MS, null));
    }

    var admission = Admission.of(attempts);

    assertThat(admission.valid()).isTrue();
    assertThat(admission.admitted()).isEqualTo(100);
    assertThat(admission.seconds()).isCloseTo(0.99 + 1.05, within(1e-9));
    assertThat(admission.perSecond()).isCloseTo(100 / 2.04, within(1e-9));
    assertThat(admission.sustainedPerSecond()).isCloseTo(100, within(1e-9));
    assertThat(admission.p50Millis()).isEqualTo(50);
    assertThat(admission.p99Millis()).isEqualTo(50);
    assertThat(admission.maxMillis()).isEqualTo(1050);
  }

  @Test
  void aRefusedCallAndARunWithoutADriverAreFailures() {
    var admission = Admission.of(List.of(new Attempt("a", 0, 5 * MS, null), Attempt.failed("b", 0, "HTTP 400: no"),
        new Attempt("c", 0, null, null)));

    assertThat(admission.valid()).isFalse();
    assertThat(admission.admitted()).isEqualTo(1);
    assertThat(admission.failures()).containsExactly("b: HTTP 400: no", "c: no driver pod was created");
    assertThat(admission.sustainedPerSecond()).isNaN();
  }

  @Test
  void percentilesAreNearestRank() {
    double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(Admission.percentile(sorted, 50)).isEqualTo(5);
    assertThat(Admission.percentile(sorted, 99)).isEqualTo(10);
    assertThat(Admission.percentile(new double[] {7}, 99)).isEqualTo(7);
  }
}
