package io.sparkube.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.model.SparkLine;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Spark's side alone: the reference runs and captures what Spark's client creates. */
class SparkReferenceTest {

  @ParameterizedTest
  @EnumSource(SparkLine.class)
  void sparkCreatesDriverPodServiceAndConfigMap(SparkLine line) {
    var captured = SparkReference.submit(line, List.of(
        "--name", "spark-pi",
        "--class", "org.apache.spark.examples.SparkPi",
        "--conf", "spark.executor.instances=2",
        "--conf", "spark.kubernetes.container.image=apache/spark:" + line.referenceVersion(),
        "local:///opt/spark/examples/jars/spark-examples.jar", "100"));

    assertThat(captured.objects()).map(o -> o.getKind())
        .containsExactly("Pod", "Service", "ConfigMap");
    // The pod is POSTed; what it owns is then server-side applied, owner reference included.
    assertThat(captured.writes().get(0)).startsWith("POST /api/v1/namespaces/default/pods ");
    assertThat(captured.writes().subList(1, captured.writes().size()))
        .allSatisfy(w -> assertThat(w).startsWith("PATCH ").contains("application/apply-patch+yaml"));
    assertThat(captured.driverPod().getMetadata().getLabels())
        .containsEntry("spark-role", "driver")
        .containsEntry("spark-version", line.referenceVersion());
    assertThat(captured.driverConfigMap()).hasValueSatisfying(c ->
        assertThat(c.getData().get("spark.properties")).contains("spark.app.name=spark-pi"));
  }

  @ParameterizedTest
  @EnumSource(SparkLine.class)
  void sparkErrorsSurfaceAsExceptions(SparkLine line) {
    // No container image: Spark's client refuses before it creates anything.
    assertThatThrownBy(() -> SparkReference.submit(line, List.of(
        "--class", "org.apache.spark.examples.SparkPi",
        "local:///opt/spark/examples/jars/spark-examples.jar")))
        .hasStackTraceContaining("container image");
  }
}
