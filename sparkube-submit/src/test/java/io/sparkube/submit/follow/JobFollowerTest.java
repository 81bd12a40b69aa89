package io.sparkube.submit.follow;

import io.sparkube.submit.RecordingReporter;
import static io.sparkube.submit.follow.Pods.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class JobFollowerTest {
  KubernetesClient client;

  private final RecordingReporter reporter = new RecordingReporter();
  private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void reportsDriverAndExecutorsThenReturnsTheDriversExitCode() {
    Pods.create(client, Pods.driver("pi-driver"));
    var exit = follow("pi-driver");

    Pods.phase(client, "pi-driver", "Running");
    Pods.create(client, Pods.executor("pi-exec-1", "Running"));
    Pods.create(client, Pods.executor("pi-exec-2", "Pending"));
    Pods.create(client, Pods.executor("pi-exec-3", "Failed"));
    clock.advance(Duration.ofSeconds(65));
    await().untilAsserted(() -> assertThat(reporter.statuses).contains(
        "jobs:pi-driver Running, executors: 1 pending, 1 running, 1 failed, 1m05s"));

    Pods.terminated(client, "pi-driver", "Failed", 3, "Error");
    assertThat(exit.join()).isEqualTo(3);
    assertThat(reporter.infos).contains(
        "Driver jobs:pi-driver Failed (container spark-kubernetes-driver terminated, exit code 3: Error)");
  }

  @Test
  void aSucceededDriverExitsWithItsContainersCode() {
    Pods.create(client, Pods.driver("ok-driver"));
    var exit = follow("ok-driver");

    Pods.terminated(client, "ok-driver", "Succeeded", 0, "Completed");
    assertThat(exit.join()).isZero();
  }

  @Test
  void aDriverThatAlreadyFinishedReturnsAtOnce() {
    Pods.create(client, Pods.driver("done-driver"));
    Pods.terminated(client, "done-driver", "Failed", 137, "OOMKilled");

    assertThat(follow("done-driver").join()).isEqualTo(137);
  }

  @Test
  void aDeletedDriverIsAClearFailure() {
    Pods.create(client, Pods.driver("gone-driver"));
    var exit = follow("gone-driver");
    await().until(() -> !reporter.infos.isEmpty());

    client.pods().inNamespace(NS).withName("gone-driver").delete();

    assertThatThrownBy(exit::join).isInstanceOf(CompletionException.class).cause()
        .isInstanceOfSatisfying(SparkubeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_FOUND))
        .hasMessageStartingWith("driver pod jobs:gone-driver was deleted before it finished");
  }

  @Test
  void aDriverMissingFromTheStartIsAClearFailure() {
    assertThatThrownBy(() -> follow("never-driver").join()).cause()
        .isInstanceOfSatisfying(SparkubeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_FOUND));
  }

  private CompletableFuture<Integer> follow(String driver) {
    var follower = new JobFollower(client, reporter, clock, Duration.ofMillis(10));
    return CompletableFuture.supplyAsync(() -> {
      try {
        return follower.follow(NS, driver, Pods.APP_ID);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
