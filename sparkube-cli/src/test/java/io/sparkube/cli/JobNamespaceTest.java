package io.sparkube.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.sparkube.local.api.LocalApiServer;
import io.sparkube.model.error.Failure;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ids without a namespace are looked up where submit puts drivers: spark.kubernetes.namespace, else default. */
class JobNamespaceTest {
  @TempDir
  Path home;

  @Test
  void idsWithoutANamespaceUseSparksNamespaceSetting() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      client.pods().inNamespace("jobs").resource(new PodBuilder().withNewMetadata().withName("pi-driver")
          .addToLabels("spark-role", "driver").endMetadata()
          .withNewSpec().addNewContainer().withName("spark-kubernetes-driver").withImage("x").endContainer().endSpec()
          .build()).create();
      var master = "k8s://" + api.url();

      var inDefault = CliRun.of(home, "status", "--master", master, "pi-driver");
      assertThat(inDefault.exitCode()).as(inDefault.err()).isEqualTo(Failure.NOT_FOUND.exitCode());
      assertThat(inDefault.errorLine()).contains("default:pi-driver");

      var viaConf = CliRun.of(home, "status", "--master", master, "--conf", "spark.kubernetes.namespace=jobs", "pi-driver");
      assertThat(viaConf.exitCode()).as(viaConf.err()).isZero();
      assertThat(viaConf.out()).contains("pi-driver");

      var viaFlag = CliRun.of(home, "status", "--master", master, "-n", "jobs", "pi-driver");
      assertThat(viaFlag.exitCode()).as(viaFlag.err()).isZero();
    }
  }
}
