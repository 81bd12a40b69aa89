package io.sparkube.cli.jobruns;

import static io.sparkube.cli.jobruns.TestingJobRunsApi.ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkube.resources.JobRuns;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** sparkube jobs start --wait follows a run to its end, saying each state, and exits as it ended. */
class JobsWaitTest extends AgainstJobRunsApi {
  @ParameterizedTest(name = "a driver that ends {0} makes the run {4}, and the command exit {3}")
  @CsvSource({"Succeeded, 0, Completed, 0, COMPLETED", "Failed, 1, Error, 1, FAILED"})
  void itExitsAsTheRunEnded(String driverPhase, int driverExit, String reason, int exitCode, String endState)
      throws Exception {
    var clientToken = "wait-" + endState.toLowerCase(Locale.ROOT);
    var waiting = CompletableFuture.supplyAsync(() -> JobsCli.run(home, "jobs", "start", "--wait", "--client-token",
        clientToken, "--execution-role-arn", ROLE, "--class", "org.apache.spark.examples.SparkPi",
        JobsCommandsTest.PI_JAR, "10"));
    // The client token decides the id, so the test knows it while the command still waits.
    var id = JobRuns.idFor("local", clientToken);

    api.driverEnds(id, driverPhase, driverExit, reason);

    var waited = waiting.get(60, TimeUnit.SECONDS);
    assertThat(waited.exitCode()).as(waited.printed()).isEqualTo(exitCode);
    assertThat(waited.out()).isEqualTo(id + "\n");
    var states = waited.err().lines().toList();
    assertThat(states).as("one line a state change").doesNotHaveDuplicates()
        .allMatch(line -> line.startsWith(id + " "));
    assertThat(states.get(states.size() - 1)).startsWith(id + " " + endState + ": driver ");
  }
}
