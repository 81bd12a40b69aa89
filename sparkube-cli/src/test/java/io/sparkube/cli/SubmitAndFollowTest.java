package io.sparkube.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.local.api.LocalApiServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sparkube submit without --no-wait follows the driver and exits with its exit code. */
class SubmitAndFollowTest {
  @TempDir
  Path home;

  @Test
  void exitsWithTheDriversExitCodeAndThenStatusKillAndListWork() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      var master = "k8s://" + api.url();
      var run = CompletableFuture.supplyAsync(() -> CliRun.of(home, "submit", "--master", master,
          "--deploy-mode", "cluster", "--name", "pi", "--class", "org.apache.spark.examples.SparkPi",
          "--conf", "spark.kubernetes.container.image=apache/spark:4.0.2",
          "--conf", "spark.kubernetes.report.interval=100ms",
          "local:///opt/spark/examples/jars/spark-examples_2.13-4.0.2.jar", "10"));

      await().atMost(Duration.ofSeconds(20)).until(() -> !client.pods().list().getItems().isEmpty());
      var driver = client.pods().list().getItems().get(0);
      setPhase(client, driver, "Running", null);
      setPhase(client, driver, "Failed", 3);

      var result = run.join();
      assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
      var id = "default:" + driver.getMetadata().getName();
      assertThat(result.err()).contains(id).contains("exited with code 3");

      var status = CliRun.of(home, "status", "--master", master, id);
      assertThat(status.exitCode()).as(status.err()).isZero();
      assertThat(status.out()).contains(driver.getMetadata().getName()).contains("Failed");

      var list = CliRun.of(home, "list", "--master", master);
      assertThat(list.out()).contains(id);

      var kill = CliRun.of(home, "kill", "--master", master, "default:pi-*");
      assertThat(kill.exitCode()).as(kill.err()).isZero();
      await().atMost(Duration.ofSeconds(10)).until(() -> client.pods().list().getItems().isEmpty());
    }
  }

  private static void setPhase(KubernetesClient client, Pod pod, String phase, Integer exitCode) {
    var status = new PodStatusBuilder().withPhase(phase);
    if (exitCode != null) {
      status.withContainerStatuses(new ContainerStatusBuilder().withName("spark-kubernetes-driver")
          .withState(new ContainerStateBuilder().withNewTerminated().withExitCode(exitCode).withReason("Error")
              .endTerminated().build())
          .build());
    }
    var current = client.pods().withName(pod.getMetadata().getName()).get();
    current.setStatus(status.build());
    client.pods().resource(current).updateStatus();
  }
}
