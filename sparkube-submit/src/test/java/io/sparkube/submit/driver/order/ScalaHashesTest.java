package io.sparkube.submit.driver.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Expected values are what the real scala-library 2.12.18 and 2.13.16 return. */
class ScalaHashesTest {
  private final ScalaHashes scala212 = new ScalaHashes(ScalaVersion.SCALA_2_12);
  private final ScalaHashes scala213 = new ScalaHashes(ScalaVersion.SCALA_2_13);

  @Test
  void tuple2() {
    assertThat(scala212.tuple2("spark.app.name", "pi")).isEqualTo(2098989352);
    assertThat(scala213.tuple2("spark.app.name", "pi")).isEqualTo(-130600003);
  }

  @Test
  void optionsAreCaseClasses() {
    assertThat(scala212.hash(Optional.of("x"))).isEqualTo(630948699);
    assertThat(scala213.hash(Optional.of("x"))).isEqualTo(431222326);
    assertThat(scala212.hash(Optional.empty())).isEqualTo("None".hashCode());
  }

  @Test
  void booleansHashAsJavasDo() {
    assertThat(scala213.hash(true)).isEqualTo(Boolean.hashCode(true));
  }
}
