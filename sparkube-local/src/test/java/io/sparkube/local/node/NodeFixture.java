package io.sparkube.local.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.local.PodLogLayout;
import io.sparkube.local.api.LocalApiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

/** A real API server, a client and a node running real sandboxes, all in one temporary directory. */
final class NodeFixture implements AutoCloseable {
  final LocalApiServer api = LocalApiServer.start();
  final KubernetesClient client = api.newClient();
  final PodLogLayout logs;
  final LocalNode node;

  NodeFixture(Path dir, NodeSettings settings) throws IOException {
    logs = new PodLogLayout(dir.resolve("logs"));
    node = new LocalNode(client, new TestImages(dir), dir.resolve("state"), logs, settings);
  }

  static NodeSettings fastSettings() {
    return NodeSettings.defaults().withRestartBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
  }

  /** A pod of one container "main" running {@code script} with sh -c in the test image. */
  static PodBuilder shellPod(String name, String script) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
        .withNewSpec().withRestartPolicy("Never").addNewContainer().withName("main").withImage(TestImages.SHELL)
        .withArgs(script).endContainer().endSpec();
  }

  Pod create(Pod pod) {
    return client.pods().resource(pod).create();
  }

  Pod get(String name) {
    return client.pods().inNamespace("default").withName(name).get();
  }

  Pod awaitPod(String name, Predicate<Pod> condition) {
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      var pod = get(name);
      return pod != null && condition.test(pod);
    });
    return get(name);
  }

  Pod awaitPhase(String name, String phase) {
    return awaitPod(name, p -> p.getStatus() != null && phase.equals(p.getStatus().getPhase()));
  }

  static ContainerStatus main(Pod pod) {
    return pod.getStatus().getContainerStatuses().get(0);
  }

  String log(String pod) throws IOException {
    var file = logs.logFile("default", pod, "main");
    return Files.exists(file) ? Files.readString(file) : "";
  }

  void awaitLog(String pod, String text) {
    // Asserted, so that a timeout shows what the container did write.
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(log(pod)).contains(text));
  }

  @Override
  public void close() {
    node.close();
    client.close();
    api.close();
  }
}
