package io.sparkube.submit.driver.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MutableHashSetOrderTest {

  @Test
  void getAllOrderOfScala212IsTheFlatHashTables() {
    assertThat(getAllKeys(ScalaVersion.SCALA_2_12).subList(0, 5)).containsExactly(
        "spark.kubernetes.driverEnv.USER",
        "spark.kubernetes.driver.volumes.hostPath.tmp.mount.path",
        "spark.kubernetes.driver.volumes.hostPath.tmp.options.path",
        "spark.kubernetes.driver.volumes.hostPath.logs.mount.path",
        "spark.submit.deployMode");
  }

  @Test
  void getAllOrderOfScala213IsTheChainedTables() {
    assertThat(getAllKeys(ScalaVersion.SCALA_2_13).subList(0, 5)).containsExactly(
        "spark.kubernetes.driverEnv.LOG_LEVEL",
        "spark.kubernetes.driver.volumes.hostPath.cache.mount.path",
        "spark.kubernetes.driver.volumes.hostPath.scratch.mount.path",
        "spark.kubernetes.driver.volumes.hostPath.cache.options.path",
        "spark.kubernetes.driver.volumes.hostPath.data.options.path");
  }

  @Test
  void linearProbingKeepsClashingElementsInInsertionOrder() {
    assertThat(new FlatHashTableOrder().order(List.of("b", "a"), e -> 42)).containsExactly("b", "a");
  }

  @Test
  void chainedTableDoublesBeforeReachingThreeQuarters() {
    assertThat(ChainedHashSetOrder.tableLength(11)).isEqualTo(16);
    assertThat(ChainedHashSetOrder.tableLength(12)).isEqualTo(32);
    assertThat(ChainedHashSetOrder.tableLength(24)).isEqualTo(64);
  }

  private static List<String> getAllKeys(ScalaVersion scala) {
    var hashes = new ScalaHashes(scala);
    return MutableHashSetOrder.of(scala)
        .order(SparkConfOrder.cloned(GoldenConf.settings()), e -> hashes.tuple2(e.getKey(), e.getValue()))
        .stream().map(Map.Entry::getKey).toList();
  }
}
