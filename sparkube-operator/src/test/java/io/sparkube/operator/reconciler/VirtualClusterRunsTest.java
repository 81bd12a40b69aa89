package io.sparkube.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sparkube.operator.TestingOperator;
import io.sparkube.resources.FailureReason;
import io.sparkube.resources.JobRunState;
import io.sparkube.resources.VirtualCluster;
import io.sparkube.resources.VirtualClusterState;
import io.sparkube.resources.VirtualClusterStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VirtualClusterRunsTest {
  private static final Duration A_WHILE = Duration.ofSeconds(20);
  private final TestingOperator cluster = new TestingOperator();

  @AfterEach
  void stop() {
    cluster.close();
  }

  private VirtualCluster virtualCluster(String name, Integer maxRuns, List<String> allowed) {
    var vc = new VirtualCluster();
    vc.getMetadata().setName(name);
    vc.getSpec().setNamespace("default");
    vc.getSpec().getLimits().setMaxConcurrentRuns(maxRuns);
    vc.getSpec().setAllowedIdentities(allowed);
    vc.getSpec().getDefaults().setImages(Map.of("4.0", "registry.example.com/spark:4.0.2-team"));
    vc.getSpec().getDefaults().setSparkConf(Map.of("spark.executor.instances", "1"));
    return cluster.client.resource(vc).create();
  }

  private void runIn(String vc, String name) {
    var app = TestingOperator.pi(name);
    app.getSpec().setVirtualCluster(vc);
    cluster.create(app);
  }

  @Test
  void runsGetTheVirtualClustersDefaultsAndWaitForItsLimit() {
    virtualCluster("team", 1, List.of());
    await().atMost(A_WHILE).untilAsserted(() -> assertThat(stateOf("team")).isEqualTo(VirtualClusterState.RUNNING));
    runIn("team", "first");
    await().atMost(A_WHILE).until(() -> cluster.state("first") == JobRunState.SUBMITTED);
    runIn("team", "second");

    await().atMost(A_WHILE).untilAsserted(() -> assertThat(cluster.read("second").getStatus().getStateDetails())
        .contains("fewer jobs than its limit"));
    assertThat(cluster.state("second")).isEqualTo(JobRunState.PENDING);
    assertThat(cluster.drivers("second")).isEmpty();
    var pod = cluster.drivers("first").get(0);
    assertThat(pod.getSpec().getContainers().get(0).getImage()).isEqualTo("registry.example.com/spark:4.0.2-team");

    cluster.driverPhase(pod.getMetadata().getName(), "Succeeded", 0, "Completed");

    await().atMost(A_WHILE).until(() -> cluster.state("second") == JobRunState.SUBMITTED);
  }

  @Test
  void anIdentityTheVirtualClusterDoesNotAllowFailsTheRunBeforeAnythingIsCreated() {
    virtualCluster("strict", null, List.of("aws-irsa:arn:aws:iam::111122223333:role/strict-*"));
    var app = TestingOperator.pi("intruder");
    app.getSpec().setVirtualCluster("strict");
    app.getSpec().setIdentity("aws-irsa:arn:aws:iam::111122223333:role/other");
    cluster.create(app);

    await().atMost(A_WHILE).until(() -> cluster.state("intruder") == JobRunState.FAILED);
    var status = cluster.read("intruder").getStatus();
    assertThat(status.getFailureReason()).isEqualTo(FailureReason.VALIDATION_ERROR);
    assertThat(status.getStateDetails()).contains("is not allowed in virtual cluster strict");
    assertThat(cluster.drivers("intruder")).isEmpty();
    assertThat(cluster.client.serviceAccounts().inNamespace("default").withName("spark-other").get()).isNull();
  }

  @Test
  void aRunNamingAMissingVirtualClusterFails() {
    runIn("nowhere", "lost");
    await().atMost(A_WHILE).until(() -> cluster.state("lost") == JobRunState.FAILED);
    assertThat(cluster.read("lost").getStatus().getStateDetails()).contains("virtual cluster nowhere does not exist");
  }

  @Test
  void terminatingAVirtualClusterCancelsItsRunsThenEndsTerminated() {
    var vc = virtualCluster("closing", null, List.of());
    runIn("closing", "victim");
    await().atMost(A_WHILE).until(() -> cluster.state("victim") == JobRunState.SUBMITTED);

    var status = new VirtualClusterStatus();
    status.setState(VirtualClusterState.TERMINATING);
    var latest = cluster.client.resource(vc).get();
    latest.setStatus(status);
    cluster.client.resource(latest).updateStatus();

    await().atMost(A_WHILE).untilAsserted(() -> {
      assertThat(cluster.state("victim")).isEqualTo(JobRunState.CANCELLED);
      assertThat(stateOf("closing")).isEqualTo(VirtualClusterState.TERMINATED);
    });
  }

  /** A StartJobRun racing the virtual cluster's deletion can still make a run: it is cancelled, not run. */
  @Test
  void aRunMadeInADeletedVirtualClusterIsCancelledWithoutADriver() {
    var vc = virtualCluster("gone", null, List.of());
    await().atMost(A_WHILE).until(() -> stateOf("gone") == VirtualClusterState.RUNNING);
    var status = new VirtualClusterStatus();
    status.setState(VirtualClusterState.TERMINATED);
    var latest = cluster.client.resource(vc).get();
    latest.setStatus(status);
    cluster.client.resource(latest).updateStatus();
    await().atMost(A_WHILE).until(() -> stateOf("gone") == VirtualClusterState.TERMINATED);

    runIn("gone", "late");

    await().atMost(A_WHILE).until(() -> cluster.state("late") == JobRunState.CANCELLED);
    assertThat(cluster.drivers("late")).isEmpty();
  }

  private VirtualClusterState stateOf(String name) {
    var vc = cluster.client.resources(VirtualCluster.class).withName(name).get();
    return vc.getStatus() == null ? null : vc.getStatus().getState();
  }
}
