package io.sparkube.submit.driver.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Service;
import io.sparkube.model.SparkLine;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.driver.TestRequests;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriverServiceStepTest {

  @Test
  void aTooLongNameFallsBackToARandomShortOne() {
    var conf = TestRequests.driverConf(SparkLine.V3_5, Map.of("spark.app.name", "x".repeat(60)));
    var service = (Service) new DriverServiceStep(conf).resources().get(0);
    assertThat(service.getMetadata().getName()).isEqualTo("spark-" + TestRequests.IDS.serviceId() + "-driver-svc");
  }

  @Test
  void driverHostAndPortsAreSetForTheDriver() {
    var conf = TestRequests.driverConf(SparkLine.V4_1, Map.of("spark.kubernetes.namespace", "jobs",
        "spark.blockManager.port", "9000"));
    var step = new DriverServiceStep(conf);
    assertThat(step.systemProperties())
        .containsEntry("spark.driver.host", "spark-pi-a1b2c3190f3a1b2c-driver-svc.jobs.svc")
        .containsEntry("spark.driver.port", "7078")
        // The Service ignores spark.blockManager.port; only the pod falls back to it.
        .containsEntry("spark.driver.blockManager.port", "7079");
    var service = (Service) step.resources().get(0);
    assertThat(service.getSpec().getPorts()).extracting(p -> p.getName())
        .containsExactly("driver-rpc-port", "blockmanager", "spark-ui", "spark-connect");
  }

  @Test
  void driverAddressSettingsAreRejected() {
    assertThatThrownBy(() -> new DriverServiceStep(
        TestRequests.driverConf(SparkLine.V3_5, Map.of("spark.driver.host", "x"))))
        .isInstanceOf(SparkubeException.class).hasMessageContaining("spark.driver.host is not supported");
  }
}
