package io.sparkube.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The live processes of one local cluster, found by the marker its processes carry in their environment. */
final class ClusterProcesses {
  private ClusterProcesses() {}

  static List<Long> of(Cli cli) {
    var marker = "SPARKUBE_CLUSTER_HOME=" + cli.sparkubeHome().resolve("local");
    try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
      return all.filter(ProcessHandle::isAlive).filter(p -> marked(p, marker)).map(ProcessHandle::pid).toList();
    }
  }

  private static boolean marked(ProcessHandle process, String marker) {
    try {
      var environ = new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "environ")),
          StandardCharsets.UTF_8);
      return List.of(environ.split("\0")).contains(marker);
    } catch (IOException e) {
      return false;
    }
  }
}
