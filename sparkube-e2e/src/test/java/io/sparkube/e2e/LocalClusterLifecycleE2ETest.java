package io.sparkube.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkube.model.error.Failure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The local cluster's life: started by a submission when nothing else is configured, found and
 * cleaned up after a crash, and refusing to start over a port someone else holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterLifecycleE2ETest {
  private static final String RELEASE = "4.0.2";
  private Cli cli;

  @BeforeAll
  void image() throws IOException {
    cli = new Cli(Path.of("..").toAbsolutePath().normalize(), Files.createTempDirectory("sparkube-life"));
    var build = cli.run("local", "image", "build", "--spark", RELEASE);
    assertThat(build.exitCode()).as(build.err()).isZero();
  }

  @AfterAll
  void down() {
    cli.run("local", "down");
    cli.deleteHome();
  }

  @Test
  @Order(1)
  void aSubmissionWithNoClusterConfiguredStartsTheLocalOne() {
    assertThat(cli.run("local", "status").exitCode()).isEqualTo(3);

    var run = cli.run(Jobs.submit(RELEASE, "first", "org.apache.spark.examples.SparkPi", List.of(), "5")
        .toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("starting the local cluster");
    assertThat(cli.run("local", "status").out()).contains("the local cluster is up");
  }

  @Test
  @Order(2)
  void aCrashedClusterIsFoundAndCleanedUpByTheNextUp() throws IOException {
    var pid = Long.parseLong(Files.readString(cli.sparkubeHome().resolve("local/cluster.pid")).trim());
    var process = ProcessHandle.of(pid).orElseThrow();
    process.destroyForcibly();
    process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();

    assertThat(cli.run("local", "status").exitCode()).isEqualTo(3);
    var up = cli.run("local", "up");

    assertThat(up.exitCode()).as(up.err()).isZero();
    assertThat(up.err()).contains("found a stopped local cluster (pid " + pid + ")").contains("cleaning up");
    var list = cli.run("list");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).doesNotContain("first-");
  }

  @Test
  @Order(3)
  void aPortInUseIsReportedNotReused() throws IOException {
    assertThat(cli.run("local", "down").exitCode()).isZero();
    try (var squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 443));

      var up = cli.run("local", "up");

      assertThat(up.exitCode()).isEqualTo(Failure.API_UNREACHABLE.exitCode());
      assertThat(up.err()).contains("127.0.0.1:443").contains("in use");
    }
    assertThat(cli.run("local", "status").exitCode()).isEqualTo(3);
  }

  @Test
  @Order(4)
  void stoppingLeavesNoProcessBehind() {
    assertThat(cli.run("local", "up").exitCode()).isZero();
    assertThat(cli.run("local", "down").out()).contains("stopped");
    assertThat(cli.clusterProcesses()).isEmpty();
  }

}
