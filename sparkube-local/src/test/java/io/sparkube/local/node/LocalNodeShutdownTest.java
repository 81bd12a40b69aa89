package io.sparkube.local.node;

import static io.sparkube.local.node.NodeFixture.main;
import static io.sparkube.local.node.NodeFixture.shellPod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting pods, stopping the node, and a machine without bubblewrap. */
class LocalNodeShutdownTest {
  @TempDir
  Path dir;
  NodeFixture cluster;

  @AfterEach
  void stop() {
    cluster.close();
  }

  private void start(NodeSettings settings) throws Exception {
    cluster = new NodeFixture(dir, settings);
    cluster.node.start();
  }

  /** The bwrap process behind the pod's container and everything under it. */
  private static List<ProcessHandle> processes(Pod pod) {
    var pid = Long.parseLong(main(pod).getContainerID().substring("sparkube://".length()));
    var sandbox = ProcessHandle.of(pid).orElseThrow();
    var all = new ArrayList<>(sandbox.descendants().toList());
    all.add(sandbox);
    return all;
  }

  @Test
  void deleteSendsSigtermThenSigkillAfterTheGracePeriod() throws Exception {
    start(NodeFixture.fastSettings());
    cluster.create(shellPod("stubborn", "trap 'echo got TERM' TERM; echo ready; while true; do sleep 0.1; done")
        .editSpec().withTerminationGracePeriodSeconds(2L).endSpec().build());
    var pod = cluster.awaitPhase("stubborn", "Running");
    cluster.awaitLog("stubborn", "ready");
    var processes = processes(pod);
    var logDir = cluster.logs.podDir("default", "stubborn");

    var deletedAt = System.nanoTime();
    cluster.client.pods().resource(pod).delete();

    cluster.awaitLog("stubborn", "got TERM");
    assertThat(processes.get(processes.size() - 1).isAlive()).as("alive within the grace period").isTrue();
    await().atMost(Duration.ofSeconds(20)).until(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
    assertThat(Duration.ofNanos(System.nanoTime() - deletedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    await().atMost(Duration.ofSeconds(10)).until(() -> cluster.get("stubborn") == null && !Files.exists(logDir));
  }

  @Test
  void containerThatHonoursSigtermEndsWithoutWaitingForTheGracePeriod() throws Exception {
    start(NodeFixture.fastSettings());
    cluster.create(shellPod("polite", "trap 'echo bye; exit 0' TERM; echo ready; sleep 600 & wait").build());
    var pod = cluster.awaitPhase("polite", "Running");
    cluster.awaitLog("polite", "ready");
    var processes = processes(pod);

    cluster.client.pods().resource(pod).delete();

    // The default grace period is 30s; well before that, SIGTERM alone has ended it.
    await().atMost(Duration.ofSeconds(10)).until(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
  }

  @Test
  void closingTheNodeLeavesNoProcessBehind() throws Exception {
    start(NodeFixture.fastSettings());
    cluster.create(shellPod("busy", "sleep 600 & sleep 600 & echo started; wait").build());
    var pod = cluster.awaitPhase("busy", "Running");
    cluster.awaitLog("busy", "started");
    var processes = processes(pod);
    assertThat(processes).hasSizeGreaterThanOrEqualTo(4);

    cluster.node.close();

    assertThat(processes).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void withoutBubblewrapPodsSayHowToInstallIt() throws Exception {
    start(NodeFixture.fastSettings().withBubblewrap(dir.resolve("no-such-bwrap")));
    assertThat(cluster.node.sandboxProblem()).isPresent();
    cluster.create(shellPod("nobwrap", "true").build());

    var pod = cluster.awaitPod("nobwrap", p -> p.getStatus().getContainerStatuses() != null
        && !p.getStatus().getContainerStatuses().isEmpty());

    assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
    var waiting = main(pod).getState().getWaiting();
    assertThat(waiting.getReason()).isEqualTo("RunContainerError");
    assertThat(waiting.getMessage()).contains("bubblewrap is not available; install it with apt-get install bubblewrap");
  }
}
