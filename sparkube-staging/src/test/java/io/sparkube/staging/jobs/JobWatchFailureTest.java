package io.sparkube.staging.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.sparkube.staging.TestData;
import io.sparkube.staging.TestingStaging;
import io.sparkube.staging.client.StagedEntry;
import io.sparkube.staging.client.UploadProgress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job watch that cannot run costs a warning, never the server: uploads, references and downloads go on. */
@EnableKubernetesMockClient(crud = true)
class JobWatchFailureTest {
  KubernetesMockServer server;
  KubernetesClient client;
  @TempDir
  Path dir;
  TestingStaging staging;

  @AfterEach
  void stop() {
    if (staging != null) {
      staging.close();
    }
  }

  private WatchState startWith(KubernetesClient jobsClient) throws Exception {
    staging = new TestingStaging(dir, Map.of("sparkube.staging.jobs.watch", "true",
        "sparkube.staging.jobs.namespaces", "jobs", "sparkube.staging.jobs.grace", "1m")).start(jobsClient);
    return staging.server.jobWatch().orElseThrow().started().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** The server still does its work, and a watch that sees nothing releases nothing. */
  private void assertStillServes() {
    var sha = staging.client().upload(TestData.write(dir.resolve("app.jar"), TestData.randomBytes(100, 1)),
        UploadProgress.NONE).sha256();
    assertThat(staging.client().reference("spark-0123", List.of(new StagedEntry(sha, "app.jar")))).hasSize(1);
    staging.clock.advance(Duration.ofHours(1));
    assertThat(staging.server.jobWatch().orElseThrow().resyncNow()).isZero();
    assertThat(staging.client().release("spark-0123")).isEqualTo(1);
  }

  @Test
  void aForbiddenWatchLeavesTheServerServing() throws Exception {
    server.expect().get().withPath("/api/v1/namespaces/jobs/pods?labelSelector=spark-role%3Ddriver&limit=1")
        .andReturn(403, new StatusBuilder().withStatus("Failure").withCode(403).withReason("Forbidden")
            .withMessage("pods is forbidden: User \"system:serviceaccount:sparkube:sparkube-staging\" cannot list"
                + " resource \"pods\" in API group \"\" in the namespace \"jobs\"").build())
        .always();

    assertThat(startWith(client)).isEqualTo(WatchState.FAILED);

    assertStillServes();
  }

  @Test
  void anUnreachableApiServerLeavesTheServerServing() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (var unreachable = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
        .withMasterUrl("http://127.0.0.1:" + port).withRequestRetryBackoffLimit(0).build()).build()) {

      assertThat(startWith(unreachable)).isEqualTo(WatchState.FAILED);

      assertStillServes();
    }
  }
}
