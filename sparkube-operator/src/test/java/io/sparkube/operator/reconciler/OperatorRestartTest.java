package io.sparkube.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sparkube.operator.TestingOperator;
import io.sparkube.resources.JobRunState;
import io.sparkube.resources.StateChange;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The operator stopped in the middle of many runs, then started again: nothing lost, nothing twice. */
class OperatorRestartTest {
  private static final int RUNS = 30;
  private final TestingOperator cluster = new TestingOperator();

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void runsInFlightWhenTheOperatorStopsAreEachSubmittedOnceAfterItRestarts() {
    IntStream.range(0, RUNS).forEach(i -> cluster.create(TestingOperator.pi("run-" + i)));
    // Stop as soon as some, but not all, have a driver: passes are cut off mid-way.
    await().atMost(Duration.ofSeconds(20)).until(() -> IntStream.range(0, RUNS)
        .anyMatch(i -> !cluster.drivers("run-" + i).isEmpty()));
    cluster.stop();
    long submittedBeforeRestart = IntStream.range(0, RUNS).filter(i -> !cluster.drivers("run-" + i).isEmpty()).count();

    cluster.start();

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> IntStream.range(0, RUNS)
        .forEach(i -> assertThat(cluster.state("run-" + i)).as("run-" + i + ": " + cluster.read("run-" + i).getStatus()
            .getStateDetails()).isEqualTo(JobRunState.SUBMITTED)));
    for (int i = 0; i < RUNS; i++) {
      var name = "run-" + i;
      assertThat(cluster.drivers(name)).as(name).hasSize(1);
      assertThat(cluster.read(name).getStatus().getDriverPod())
          .isEqualTo(cluster.drivers(name).get(0).getMetadata().getName());
      assertThat(cluster.read(name).getStatus().getHistory()).extracting(StateChange::getState)
          .containsExactly(JobRunState.PENDING, JobRunState.SUBMITTED);
    }
    assertThat(submittedBeforeRestart).isBetween(1L, (long) RUNS);
  }

  @Test
  void aRunningRunKeepsBeingFollowedAcrossARestart() {
    cluster.create(TestingOperator.pi("long"));
    await().atMost(Duration.ofSeconds(20)).until(() -> cluster.state("long") == JobRunState.SUBMITTED);
    var driver = cluster.read("long").getStatus().getDriverPod();
    cluster.driverPhase(driver, "Running", null, null);
    await().atMost(Duration.ofSeconds(20)).until(() -> cluster.state("long") == JobRunState.RUNNING);

    cluster.stop();
    cluster.driverPhase(driver, "Succeeded", 0, "Completed");
    cluster.start();

    await().atMost(Duration.ofSeconds(20)).until(() -> cluster.state("long") == JobRunState.COMPLETED);
    assertThat(cluster.drivers("long")).hasSize(1);
  }
}
