package io.sparkube.local.node;

import static io.sparkube.local.node.NodeFixture.main;
import static io.sparkube.local.node.NodeFixture.shellPod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * limits.memory on a real node: a kernel-enforced cgroup where this machine lets the node write one
 * (skipped otherwise), the JVM heap cap everywhere.
 */
class LocalNodeMemoryTest {
  @TempDir
  Path dir;
  NodeFixture cluster;

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private void start(NodeSettings settings) throws Exception {
    cluster = new NodeFixture(dir, settings);
    cluster.node.start();
  }

  private Path startWithCgroups() throws Exception {
    start(NodeFixture.fastSettings());
    var limits = cluster.node.memoryLimitsInUse();
    Assumptions.assumeTrue(limits.parent().isPresent(), "no writable memory cgroup here: " + limits.details());
    return limits.parent().get();
  }

  private static Pod limitedPod(String name, String script) {
    return shellPod(name, script).editSpec().editFirstContainer().withNewResources()
        .withLimits(Map.of("memory", new Quantity("64Mi"))).endResources().endContainer().endSpec().build();
  }

  private static long containerGroups(Path parent) throws IOException {
    try (Stream<Path> children = Files.list(parent)) {
      return children.filter(Files::isDirectory).count();
    }
  }

  @Test
  void containerAllocatingBeyondItsLimitIsOomKilled() throws Exception {
    var parent = startWithCgroups();
    cluster.create(limitedPod("hog", "head -c 200m /dev/zero | tail"));

    var pod = cluster.awaitPhase("hog", "Failed");

    var terminated = main(pod).getState().getTerminated();
    assertThat(terminated.getReason()).isEqualTo("OOMKilled");
    assertThat(terminated.getExitCode()).isEqualTo(137);
    await().atMost(Duration.ofSeconds(10)).until(() -> containerGroups(parent) == 0);
  }

  @Test
  void containerWithinItsLimitRunsInItsOwnLimitedCgroup() throws Exception {
    var parent = startWithCgroups();
    cluster.create(limitedPod("frugal", "cat /proc/self/cgroup; head -c 8m /dev/zero | tail | wc -c;"
        + " echo $JAVA_TOOL_OPTIONS"));

    var pod = cluster.awaitPhase("frugal", "Succeeded");

    assertThat(main(pod).getState().getTerminated().getReason()).isEqualTo("Completed");
    var group = parent.getFileName() + "/" + pod.getMetadata().getUid() + "-main";
    assertThat(cluster.log("frugal")).contains(group, "8388608", "-XX:MaxRAM=67108864");
    await().atMost(Duration.ofSeconds(10)).until(() -> containerGroups(parent) == 0);
    assertThat(cluster.node.memoryLimits()).startsWith("memory limits: cgroup v");

    cluster.close();
    cluster = null;
    assertThat(parent).doesNotExist();
  }

  @Test
  void theLimitIsWrittenToTheContainersCgroup() throws Exception {
    var parent = startWithCgroups();
    cluster.create(limitedPod("waits", "echo ready; sleep 60"));
    var pod = cluster.awaitPhase("waits", "Running");
    cluster.awaitLog("waits", "ready");

    var group = parent.resolve(pod.getMetadata().getUid() + "-main");
    var limitFile = Files.exists(group.resolve("memory.max")) ? "memory.max" : "memory.limit_in_bytes";
    assertThat(Files.readString(group.resolve(limitFile)).strip()).isEqualTo("67108864");
    var pid = Long.parseLong(main(pod).getContainerID().substring("sparkube://".length()));
    assertThat(Files.readString(group.resolve("cgroup.procs"))).contains(Long.toString(pid));

    cluster.client.pods().resource(pod).withGracePeriod(0).delete();
    await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(group));
  }

  @Test
  void withoutAWritableCgroupOnlyTheJvmIsCapped() throws Exception {
    start(NodeFixture.fastSettings().withCgroupRoot(dir.resolve("no-cgroups")));
    assertThat(cluster.node.memoryLimits()).isEqualTo("JVM heap cap only: no writable memory cgroup");
    cluster.create(limitedPod("capped", "echo $JAVA_TOOL_OPTIONS"));

    var pod = cluster.awaitPhase("capped", "Succeeded");

    assertThat(main(pod).getState().getTerminated().getReason()).isEqualTo("Completed");
    assertThat(cluster.log("capped")).contains("-XX:MaxRAM=67108864");
  }
}
