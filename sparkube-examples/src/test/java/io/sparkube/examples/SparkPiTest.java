package io.sparkube.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SparkPiTest {

  @Test
  void sharesSplitTheDartsEvenly() {
    assertThat(SparkPi.shares(399_999, 4)).containsExactly(100_000, 100_000, 100_000, 99_999);
    assertThat(SparkPi.shares(1, 3)).containsExactly(1, 0, 0);
  }
}
