package io.sparkube.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sparkube.operator.TestingOperator;
import io.sparkube.resources.FailureReason;
import io.sparkube.resources.JobRunState;
import io.sparkube.resources.RestartPolicy;
import io.sparkube.resources.StateChange;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SparkApplicationLifecycleTest {
  private static final Duration A_WHILE = Duration.ofSeconds(20);
  private final TestingOperator cluster = new TestingOperator();

  @AfterEach
  void stop() {
    cluster.close();
  }

  private void awaitState(String name, JobRunState state) {
    await().atMost(A_WHILE).untilAsserted(() -> assertThat(cluster.state(name)).isEqualTo(state));
  }

  @Test
  void aRunIsSubmittedInProcessThenFollowsItsDriverToCompletion() {
    cluster.create(TestingOperator.pi("pi"));
    awaitState("pi", JobRunState.SUBMITTED);

    var drivers = cluster.drivers("pi");
    assertThat(drivers).singleElement().satisfies(pod -> {
      assertThat(pod.getMetadata().getOwnerReferences()).singleElement()
          .satisfies(owner -> assertThat(owner.getKind()).isEqualTo("SparkApplication"));
      assertThat(pod.getSpec().getContainers().get(0).getImage()).isEqualTo("apache/spark:4.0.2");
    });
    var driver = drivers.get(0).getMetadata().getName();
    assertThat(cluster.read("pi").getStatus().getDriverPod()).isEqualTo(driver);

    cluster.driverPhase(driver, "Running", null, null);
    awaitState("pi", JobRunState.RUNNING);
    cluster.driverPhase(driver, "Succeeded", 0, "Completed");
    awaitState("pi", JobRunState.COMPLETED);

    var status = cluster.read("pi").getStatus();
    assertThat(status.getDriverExitCode()).isZero();
    assertThat(status.getFinishedAt()).isNotNull();
    assertThat(status.getHistory()).extracting(StateChange::getState).containsExactly(JobRunState.PENDING,
        JobRunState.SUBMITTED, JobRunState.RUNNING, JobRunState.COMPLETED);
    await().atMost(A_WHILE).untilAsserted(() -> assertThat(cluster.eventReasons("pi"))
        .containsKeys("Submitted", "Running", "Completed"));
  }

  @Test
  void aFailedDriverIsRetriedAsThePolicySaysThenTheRunFails() {
    var app = TestingOperator.pi("flaky");
    var policy = new RestartPolicy();
    policy.setMaxAttempts(2);
    policy.setBackoffSeconds(1);
    app.getSpec().setRestartPolicy(policy);
    cluster.create(app);
    awaitState("flaky", JobRunState.SUBMITTED);

    cluster.driverPhase(cluster.read("flaky").getStatus().getDriverPod(), "Failed", 1, "Error");
    await().atMost(A_WHILE).untilAsserted(() -> {
      assertThat(cluster.read("flaky").getStatus().getAttempt()).isEqualTo(2);
      assertThat(cluster.state("flaky")).isEqualTo(JobRunState.SUBMITTED);
    });
    var second = cluster.read("flaky").getStatus().getDriverPod();
    assertThat(cluster.drivers("flaky")).hasSize(2);

    cluster.driverPhase(second, "Failed", 137, "OOMKilled");
    try {
      awaitState("flaky", JobRunState.FAILED);
    } catch (AssertionError e) {
      System.err.println("DEBUG " + io.fabric8.kubernetes.client.utils.Serialization.asYaml(cluster.read("flaky").getStatus()));
      cluster.drivers("flaky").forEach(p -> System.err.println("DEBUG pod " + p.getMetadata().getName() + " " + p.getMetadata().getLabels() + " " + p.getStatus().getPhase()));
      throw e;
    }
    var status = cluster.read("flaky").getStatus();
    assertThat(status.getFailureReason()).isEqualTo(FailureReason.USER_ERROR);
    assertThat(status.getDriverExitCode()).isEqualTo(137);
    assertThat(status.getDriverReason()).isEqualTo("OOMKilled");
    assertThat(status.getHistory()).extracting(StateChange::getState).containsExactly(JobRunState.PENDING,
        JobRunState.SUBMITTED, JobRunState.PENDING, JobRunState.SUBMITTED, JobRunState.FAILED);
  }

  @Test
  void badSettingsFailTheRunAsAValidationErrorAndCreateNothing() {
    var app = TestingOperator.pi("bad");
    app.getSpec().setSparkSubmitParameters("--executor-memroy 2g");
    cluster.create(app);

    awaitState("bad", JobRunState.FAILED);
    var status = cluster.read("bad").getStatus();
    assertThat(status.getFailureReason()).isEqualTo(FailureReason.VALIDATION_ERROR);
    assertThat(status.getStateDetails()).contains("did you mean --executor-memory?");
    assertThat(cluster.drivers("bad")).isEmpty();
  }

  @Test
  void cancellingARunDeletesItsDriverAndEndsCancelled() {
    cluster.create(TestingOperator.pi("stop-me"));
    awaitState("stop-me", JobRunState.SUBMITTED);

    cluster.client.resource(cluster.read("stop-me")).edit(app -> {
      app.getSpec().setSuspend(true);
      return app;
    });

    awaitState("stop-me", JobRunState.CANCELLED);
    assertThat(cluster.drivers("stop-me")).isEmpty();
    assertThat(cluster.read("stop-me").getStatus().getHistory()).extracting(StateChange::getState)
        .containsSubsequence(JobRunState.CANCEL_PENDING, JobRunState.CANCELLED);
  }

  @Test
  void aFinishedRunIsDeletedWithItsPodsAfterItsTimeToLive() {
    var app = TestingOperator.pi("short-lived");
    app.getSpec().setTtlSecondsAfterFinished(1L);
    cluster.create(app);
    awaitState("short-lived", JobRunState.SUBMITTED);

    cluster.driverPhase(cluster.read("short-lived").getStatus().getDriverPod(), "Succeeded", 0, "Completed");

    await().atMost(A_WHILE).untilAsserted(() -> {
      assertThat(cluster.read("short-lived")).isNull();
      assertThat(cluster.drivers("short-lived")).isEmpty();
    });
  }
}
