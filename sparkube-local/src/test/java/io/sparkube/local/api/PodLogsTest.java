package io.sparkube.local.api;

import static io.sparkube.local.api.ClusterServerTest.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sparkube.local.PodLogLayout;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodLogsTest {
  @TempDir
  Path state;

  @Test
  void servesTheContainerLogAndItsTail() throws Exception {
    var layout = new PodLogLayout(state.resolve("logs"));
    try (var api = LocalApiServer.startCluster(state, "127.0.0.1", 0, layout); var client = api.newClient()) {
      client.pods().resource(pod("p").editSpec().addNewContainer().withName("side").withImage("i").endContainer()
          .endSpec().build()).create();
      write(layout.logFile("default", "p", "c"), "one\ntwo\nthree\n");
      write(layout.logFile("default", "p", "side"), "side\n");

      assertThat(client.pods().withName("p").inContainer("c").getLog()).isEqualTo("one\ntwo\nthree\n");
      assertThat(client.pods().withName("p").inContainer("c").tailingLines(2).getLog()).isEqualTo("two\nthree\n");
      assertThat(client.pods().withName("p").inContainer("side").getLog()).isEqualTo("side\n");
      assertThatThrownBy(() -> client.pods().withName("p").inContainer("nope").getLog())
          .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(400));
    }
  }

  @Test
  void followStreamsAppendedBytesUntilTheContainerExits() throws Exception {
    var layout = new PodLogLayout(state.resolve("logs"));
    try (var api = LocalApiServer.startCluster(state, "127.0.0.1", 0, layout); var client = api.newClient()) {
      client.pods().resource(pod("p").build()).create();
      var log = layout.logFile("default", "p", "c");
      write(log, "started\n");
      var out = new ByteArrayOutputStream();
      try (var watch = client.pods().withName("p").watchLog(out)) {
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> out.toString().equals("started\n"));
        Files.writeString(log, "working\n", StandardOpenOption.APPEND);
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> out.toString().equals("started\nworking\n"));
        Files.writeString(log, "done\n", StandardOpenOption.APPEND);
        Files.writeString(layout.exitFile("default", "p", "c"), "0");
        // The stream ends by itself once the exit file is there and the log drained.
        watch.onClose().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("started\nworking\ndone\n");
      }
    }
  }

  private static void write(Path file, String content) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
