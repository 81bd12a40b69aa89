package io.sparkube.jobruns.validation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutorLimitTest {
  @Test
  void noLimitAllowsAnything() {
    assertThatCode(() -> ExecutorLimit.check(null, Map.of("spark.executor.instances", "1000"), "vc"))
        .doesNotThrowAnyException();
  }

  @Test
  void staticAllocationCountsTheExecutorsOrSparksDefaultOfTwo() {
    assertThatCode(() -> ExecutorLimit.check(4, Map.of("spark.executor.instances", "4"), "vc"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> ExecutorLimit.check(4, Map.of("spark.executor.instances", "5"), "vc"))
        .hasMessage("spark.executor.instances=5 exceeds the limit of virtual cluster vc, at most 4 executors a job;"
            + " ask for fewer");
    assertThatThrownBy(() -> ExecutorLimit.check(1, Map.of(), "vc")).hasMessageContaining("=2 exceeds");
    assertThatThrownBy(() -> ExecutorLimit.check(4, Map.of("spark.executor.instances", "many"), "vc"))
        .hasMessageContaining("is not a whole number");
  }

  @Test
  void dynamicAllocationMustBeBoundedWithinTheLimit() {
    var dynamic = Map.of("spark.dynamicAllocation.enabled", "true");
    assertThatThrownBy(() -> ExecutorLimit.check(4, dynamic, "vc")).hasMessageContaining("has no bound");
    assertThatThrownBy(() -> ExecutorLimit.check(4, Map.of("spark.dynamicAllocation.enabled", "true",
        "spark.dynamicAllocation.maxExecutors", "8"), "vc")).hasMessageContaining("maxExecutors=8 exceeds");
    assertThatCode(() -> ExecutorLimit.check(4, Map.of("spark.dynamicAllocation.enabled", "true",
        "spark.dynamicAllocation.maxExecutors", "4", "spark.dynamicAllocation.minExecutors", "1"), "vc"))
        .doesNotThrowAnyException();
  }
}
