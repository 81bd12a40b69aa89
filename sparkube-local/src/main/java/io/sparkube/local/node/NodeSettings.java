package io.sparkube.local.node;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a local node behaves. {@code restartBackoffBase} doubles per restart up to
 * {@code restartBackoffCap}, as a kubelet's CrashLoopBackOff does (10s capped at 5m there; tests
 * use milliseconds). {@code bubblewrap} is the bwrap executable.
 */
public record NodeSettings(
    String nodeName, Path bubblewrap, Duration restartBackoffBase, Duration restartBackoffCap) {

  public NodeSettings {
    Objects.requireNonNull(nodeName, "nodeName");
    Objects.requireNonNull(bubblewrap, "bubblewrap");
    if (restartBackoffBase.isNegative() || restartBackoffCap.compareTo(restartBackoffBase) < 0) {
      throw new IllegalArgumentException("restart backoff must satisfy 0 <= base <= cap, got base="
          + restartBackoffBase + " cap=" + restartBackoffCap);
    }
  }

  public static NodeSettings defaults() {
    return new NodeSettings("sparkube-local", Path.of("/usr/bin/bwrap"), Duration.ofSeconds(10),
        Duration.ofMinutes(5));
  }

  public NodeSettings withRestartBackoff(Duration base, Duration cap) {
    return new NodeSettings(nodeName, bubblewrap, base, cap);
  }

  public NodeSettings withBubblewrap(Path executable) {
    return new NodeSettings(nodeName, executable, restartBackoffBase, restartBackoffCap);
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
