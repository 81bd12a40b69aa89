package io.sparkube.local.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The choice of mechanism, on a temporary directory standing in for /sys/fs/cgroup. */
class MemoryLimitsProbeTest {
  private static final long MI_64 = 64L * 1024 * 1024;
  @TempDir
  Path root;

  private void file(String path, String content) throws IOException {
    Files.createDirectories(root.resolve(path).getParent());
    Files.writeString(root.resolve(path), content);
  }

  private MemoryLimits probe(String... selfCgroup) {
    return new MemoryLimitsProbe(root, List.of(selfCgroup)).probe();
  }

  @Test
  void cgroupV2WithMemoryDelegatesItToTheNodesParentGroup() throws Exception {
    file("cgroup.controllers", "cpuset cpu io memory pids\n");

    var limits = probe("0::/");

    assertThat(limits.version()).contains(CgroupVersion.V2);
    assertThat(limits.description()).isEqualTo("memory limits: cgroup v2 memory controller + JVM heap cap");
    var parent = limits.parent().orElseThrow();
    assertThat(parent.getParent()).isEqualTo(root);
    assertThat(parent.getFileName().toString()).matches("sparkube-" + ProcessHandle.current().pid() + "-\\d+");
    assertThat(Files.readString(root.resolve("cgroup.subtree_control"))).isEqualTo("+memory");
    assertThat(Files.readString(parent.resolve("cgroup.subtree_control"))).isEqualTo("+memory");

    var cgroup = limits.create("uid-main", Optional.of(MI_64)).orElseThrow();
    assertThat(cgroup.dir()).isEqualTo(parent.resolve("uid-main"));
    assertThat(Files.readString(cgroup.dir().resolve("memory.max"))).isEqualTo(Long.toString(MI_64));
    assertThat(cgroup.enter(List.of("/usr/bin/bwrap", "--", "true"))).containsExactly("/bin/sh", "-c",
        "echo $$ > \"$0\" && exec \"$@\"", cgroup.dir().resolve("cgroup.procs").toString(), "/usr/bin/bwrap", "--",
        "true");
  }

  @Test
  void cgroupV1MemoryControllerIsUsedWhenTheUnifiedHierarchyHasNoMemory() throws Exception {
    file("unified/cgroup.controllers", "");
    file("memory/memory.limit_in_bytes", "9223372036854771712\n");
    Files.createDirectories(root.resolve("memory/session/a"));

    var limits = probe("4:memory:/session/a", "1:cpu:/", "0::/");

    assertThat(limits.version()).contains(CgroupVersion.V1);
    assertThat(limits.description()).isEqualTo("memory limits: cgroup v1 memory controller + JVM heap cap");
    // Under the node's own group, so the containers stay within the node's own limit.
    assertThat(limits.parent().orElseThrow().getParent()).isEqualTo(root.resolve("memory/session/a"));
    var cgroup = limits.create("uid-main", Optional.of(MI_64)).orElseThrow();
    assertThat(Files.readString(cgroup.dir().resolve("memory.limit_in_bytes"))).isEqualTo(Long.toString(MI_64));
  }

  @Test
  void aGroupPathNotVisibleHereFallsBackToTheMount() throws Exception {
    file("memory/memory.limit_in_bytes", "9223372036854771712\n");

    var limits = probe("4:memory:/elsewhere");

    assertThat(limits.parent().orElseThrow().getParent()).isEqualTo(root.resolve("memory"));
  }

  @Test
  void noWritableMemoryControllerLeavesTheJvmCapAlone() throws Exception {
    file("unified/cgroup.controllers", "cpu io pids\n");

    var limits = probe("0::/");

    assertThat(limits.version()).isEmpty();
    assertThat(limits.description()).isEqualTo("JVM heap cap only: no writable memory cgroup");
    assertThat(limits.details()).contains("has no memory controller", "no cgroup v1 memory controller");
    assertThat(limits.create("uid-main", Optional.of(MI_64))).isEmpty();
  }

  @Test
  void containersWithoutALimitGetNoCgroup() throws Exception {
    file("cgroup.controllers", "memory\n");

    assertThat(probe("0::/").create("uid-main", Optional.empty())).isEmpty();
  }

  @Test
  void parentGroupsOfNodesThatAreGoneAreRemoved() throws Exception {
    file("memory/memory.limit_in_bytes", "9223372036854771712\n");
    // Beyond the kernel's pid_max, so no process has this pid.
    var stale = Files.createDirectories(root.resolve("memory/sparkube-99999999-1/uid-main"));
    var live = Files.createDirectories(root.resolve("memory/sparkube-" + ProcessHandle.current().pid() + "-0"));

    probe("4:memory:/");

    assertThat(stale.getParent()).doesNotExist();
    assertThat(live).exists();
  }

  @Test
  void oomKillsAreReadFromEachVersionsCounters() throws Exception {
    var dir = Files.createDirectories(root.resolve("c"));
    Files.writeString(dir.resolve("memory.events"), "low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\n");
    assertThat(new ContainerCgroup(dir, CgroupVersion.V2).oomKilled(137)).isTrue();
    assertThat(new ContainerCgroup(dir, CgroupVersion.V2).oomKilled(0)).isFalse();

    Files.writeString(dir.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 0\n");
    Files.writeString(dir.resolve("memory.failcnt"), "3\n");
    assertThat(new ContainerCgroup(dir, CgroupVersion.V1).oomKilled(137)).isFalse();
    // An older kernel without the oom_kill count: hitting the limit, then SIGKILL.
    Files.writeString(dir.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\n");
    assertThat(new ContainerCgroup(dir, CgroupVersion.V1).oomKilled(137)).isTrue();
    assertThat(new ContainerCgroup(dir, CgroupVersion.V1).oomKilled(1)).isFalse();
  }
}
