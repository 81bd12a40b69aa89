package io.sparkube.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.local.api.LocalApiServer;
import io.sparkube.resources.Crds;
import io.sparkube.resources.JobRunState;
import io.sparkube.resources.SparkApplication;
import io.sparkube.resources.StateChange;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control plane's process killed with SIGKILL while it submits runs, then started again: every
 * run ends with exactly one driver, and none of them was submitted twice or lost.
 */
class ControlPlaneKillTest {
  private static final int RUNS = 200;
  private static final String TOKEN = "token-of-the-kill-test";

  @TempDir
  Path dir;

  private LocalApiServer api;
  private KubernetesClient client;
  private Process controlPlane;
  private int apiPort;

  @BeforeEach
  void start() throws IOException {
    api = LocalApiServer.start();
    client = api.newClient();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("default").endMetadata().build())
        .create();
    Files.writeString(dir.resolve("token"), TOKEN + "\n");
    Files.writeString(dir.resolve("kubeconfig"), String.join("\n", "apiVersion: v1", "kind: Config",
        "clusters: [{name: local, cluster: {server: '" + api.url() + "'}}]",
        "contexts: [{name: local, context: {cluster: local, user: local, namespace: default}}]",
        "current-context: local", "users: [{name: local, user: {}}]", ""));
    apiPort = freePort();
  }

  @AfterEach
  void stop() {
    if (controlPlane != null) {
      controlPlane.destroyForcibly();
    }
    client.close();
    api.close();
  }

  @Test
  void runsInFlightWhenTheProcessIsKilledAreEachSubmittedOnceByTheNextOne() throws Exception {
    // The runs wait before the control plane starts, so the kill lands while it works through them.
    Crds.all().forEach(crd -> client.resource(crd).create());
    IntStream.range(0, RUNS).forEach(i -> client.resource(run("run-" + i)).create());
    controlPlane = startControlPlane();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> driverCount() >= 10);

    controlPlane.destroyForcibly().waitFor();
    long driversAtTheKill = driverCount();
    controlPlane = startControlPlane();

    await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(runs())
        .hasSize(RUNS).allSatisfy(run -> assertThat(run.getStatus() == null ? null : run.getStatus().getState())
            .isEqualTo(JobRunState.SUBMITTED)));
    for (var run : runs()) {
      var drivers = client.pods().inNamespace("default")
          .withLabel("sparkube.io/application", run.getMetadata().getName()).list().getItems();
      assertThat(drivers).as(run.getMetadata().getName()).hasSize(1);
      assertThat(run.getStatus().getHistory()).extracting(StateChange::getState)
          .containsExactly(JobRunState.PENDING, JobRunState.SUBMITTED);
    }
    assertThat(driversAtTheKill).as("killed mid-way").isLessThan(RUNS);
  }

  private static SparkApplication run(String name) {
    var app = new SparkApplication();
    app.getMetadata().setName(name);
    app.getMetadata().setNamespace("default");
    app.getSpec().setSparkVersion("4.0.2");
    app.getSpec().setMainClass("org.apache.spark.examples.SparkPi");
    app.getSpec().setMainApplicationFile("local:///opt/spark/examples/jars/spark-examples_2.13-4.0.2.jar");
    return app;
  }

  private Process startControlPlane() throws Exception {
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        "-Dsparkube.controlPlane.managementPort=0",
        "-Dsparkube.jobruns.port=" + apiPort, "-Dsparkube.jobruns.tokenFile=" + dir.resolve("token"),
        "io.sparkube.controlplane.ControlPlaneMain"));
    var builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("control-plane.log").toFile()));
    builder.environment().put("KUBECONFIG", dir.resolve("kubeconfig").toString());
    var process = builder.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      if (!process.isAlive()) {
        throw new AssertionError("the control plane stopped: " + Files.readString(dir.resolve("control-plane.log")));
      }
      return Files.readString(dir.resolve("control-plane.log")).contains("control plane up");
    });
    return process;
  }

  private List<SparkApplication> runs() {
    return client.resources(SparkApplication.class).inNamespace("default").list().getItems();
  }

  private long driverCount() {
    return client.pods().inNamespace("default").withLabel("sparkube.io/application").list().getItems().size();
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
