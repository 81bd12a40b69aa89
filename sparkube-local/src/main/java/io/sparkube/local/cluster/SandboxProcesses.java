package io.sparkube.local.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The processes a local cluster started, found by the marker the node puts in every container's
 * environment, so nothing survives a crashed cluster.
 */
public final class SandboxProcesses {
  static final String MARKER = "SPARKUBE_CLUSTER_HOME";

  private final String marker;

  private SandboxProcesses(String marker) {
    this.marker = marker;
  }

  public static SandboxProcesses of(ClusterHome home) {
    return new SandboxProcesses(MARKER + "=" + home.dir().toAbsolutePath());
  }

  public List<ProcessHandle> list() {
    try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
      return all.filter(p -> p.pid() != ProcessHandle.current().pid()).filter(this::marked).toList();
    }
  }

  private boolean marked(ProcessHandle process) {
    try {
      var environ = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "environ"));
      for (var entry : new String(environ, StandardCharsets.UTF_8).split("\0")) {
        if (entry.equals(marker)) {
          return true;
        }
      }
      return false;
    } catch (IOException | SecurityException e) {
      // Gone already, or not ours to read: either way not a leftover of this cluster.
      return false;
    }
  }
}
