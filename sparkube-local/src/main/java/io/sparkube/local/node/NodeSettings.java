package io.sparkube.local.node;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a local node behaves. {@code restartBackoffBase} doubles per restart up to
 * {@code restartBackoffCap}, as a kubelet's CrashLoopBackOff does (10s capped at 5m there; tests
 * use milliseconds). {@code bubblewrap} is the bwrap executable. {@code cgroupRoot} is where the
 * machine mounts its cgroup hierarchies; the node looks there for a memory controller it may write.
 */
public record NodeSettings(
    String nodeName, Path bubblewrap, Duration restartBackoffBase, Duration restartBackoffCap, Path cgroupRoot) {
  public static final Path MACHINE_CGROUPS = Path.of("/sys/fs/cgroup");

  public NodeSettings {
    Objects.requireNonNull(nodeName, "nodeName");
    Objects.requireNonNull(bubblewrap, "bubblewrap");
    Objects.requireNonNull(cgroupRoot, "cgroupRoot");
    if (restartBackoffBase.isNegative() || restartBackoffCap.compareTo(restartBackoffBase) < 0) {
      throw new IllegalArgumentException("restart backoff must satisfy 0 <= base <= cap, got base="
          + restartBackoffBase + " cap=" + restartBackoffCap);
    }
  }

  public NodeSettings(String nodeName, Path bubblewrap, Duration restartBackoffBase, Duration restartBackoffCap) {
    this(nodeName, bubblewrap, restartBackoffBase, restartBackoffCap, MACHINE_CGROUPS);
  }

  public static NodeSettings defaults() {
    return new NodeSettings("sparkube-local", Path.of("/usr/bin/bwrap"), Duration.ofSeconds(10),
        Duration.ofMinutes(5));
  }

  public NodeSettings withRestartBackoff(Duration base, Duration cap) {
    return new NodeSettings(nodeName, bubblewrap, base, cap, cgroupRoot);
  }

  public NodeSettings withBubblewrap(Path executable) {
    return new NodeSettings(nodeName, executable, restartBackoffBase, restartBackoffCap, cgroupRoot);
  }

  /** A root with no cgroup hierarchy in it leaves the node with the JVM heap cap alone. */
  public NodeSettings withCgroupRoot(Path root) {
    return new NodeSettings(nodeName, bubblewrap, restartBackoffBase, restartBackoffCap, root);
  }

  /** The wait before restart number {@code restartCount + 1}. */
  Duration restartDelay(int restartCount) {
    var delay = restartBackoffBase;
    for (int i = 0; i < restartCount && delay.compareTo(restartBackoffCap) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(restartBackoffCap) > 0 ? restartBackoffCap : delay;
  }
}
