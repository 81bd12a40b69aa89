package io.sparkube.submit.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.sparkube.model.SparkLine;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DriverPlannerTest {

  @ParameterizedTest
  @EnumSource(SparkLine.class)
  void buildsPodServiceAndConfigMapInCreationOrder(SparkLine line) {
    var plan = new DriverPlanner(line).plan(TestRequests.javaApp(Map.of()), TestRequests.IDS);

    var pod = plan.driverPod();
    assertThat(pod.getMetadata().getName()).isEqualTo("spark-pi-a1b2c3190f3a1b2c-driver");
    assertThat(pod.getMetadata().getLabels()).containsEntry("spark-role", "driver")
        .containsEntry("spark-app-selector", TestRequests.IDS.appId())
        .containsEntry("spark-version", line.referenceVersion());
    var container = pod.getSpec().getContainers().get(0);
    assertThat(container.getArgs()).containsExactly("driver", "--properties-file", "/opt/spark/conf/spark.properties",
        "--class", "org.apache.spark.examples.SparkPi", "local:///opt/spark/examples/jars/spark-examples.jar", "100");
    assertThat(container.getEnv()).extracting(EnvVar::getName).containsExactly("SPARK_USER", "SPARK_APPLICATION_ID",
        "SPARK_DRIVER_BIND_ADDRESS", "SPARK_LOCAL_DIRS", "SPARK_CONF_DIR");
    assertThat(container.getResources().getLimits().get("memory").toString()).isEqualTo("1408Mi");
    assertThat(container.getPorts()).hasSize(line == SparkLine.V4_1 ? 4 : 3);

    assertThat(plan.creationOrder()).extracting(o -> o.getKind())
        .containsExactly("Pod", "Service", "ConfigMap");
    var service = (Service) plan.resources().get(0);
    assertThat(service.getMetadata().getName()).isEqualTo("spark-pi-a1b2c3190f3a1b2c-driver-svc");
    assertThat(service.getSpec().getClusterIP()).isEqualTo("None");

    var properties = plan.configMap().getData().get("spark.properties");
    assertThat(properties).contains("spark.driver.host=spark-pi-a1b2c3190f3a1b2c-driver-svc.default.svc")
        .contains("spark.app.id=" + TestRequests.IDS.appId())
        .contains("spark.kubernetes.submitInDriver=true");
    assertThat(plan.configMap().getMetadata().getName()).isEqualTo("spark-drv-d4e5f6190f3a1b2d-conf-map");
  }

  @ParameterizedTest
  @EnumSource(SparkLine.class)
  void rejectsSparkReservedLabels(SparkLine line) {
    var request = TestRequests.javaApp(Map.of("spark.kubernetes.driver.label.spark-role", "x"));
    assertThatThrownBy(() -> new DriverPlanner(line).plan(request, TestRequests.IDS))
        .isInstanceOf(SparkubeException.class)
        .hasMessageContaining("spark-role")
        .extracting(e -> ((SparkubeException) e).failure()).isEqualTo(Failure.INVALID_CONFIG);
  }

  @ParameterizedTest
  @EnumSource(SparkLine.class)
  void missingImageIsItsOwnFailure(SparkLine line) {
    var request = TestRequests.javaApp(Map.of());
    var withoutImage = new io.sparkube.submit.SubmitRequest(request.conf().without("spark.kubernetes.container.image"),
        request.mainAppResource(), request.mainClass(), request.appArgs(), request.proxyUser(), request.environment());
    assertThatThrownBy(() -> new DriverPlanner(line).plan(withoutImage, TestRequests.IDS))
        .isInstanceOf(SparkubeException.class)
        .extracting(e -> ((SparkubeException) e).failure()).isEqualTo(Failure.MISSING_IMAGE);
  }
}
