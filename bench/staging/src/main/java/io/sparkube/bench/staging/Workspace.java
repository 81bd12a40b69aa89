package io.sparkube.bench.staging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The run's temp directory: refused up front when the disk is short, and deleted with all in it at the end. */
final class Workspace implements AutoCloseable {
  private final Path dir;
  private int scratches;

  private Workspace(Path dir) {
    this.dir = dir;
  }

  static Workspace create(long bytesNeeded) throws IOException {
    var dir = Files.createTempDirectory("sparkube-bench-staging-");
    long free = Files.getFileStore(dir).getUsableSpace();
    if (free < bytesNeeded) {
      deleteTree(dir);
      throw new IllegalStateException(dir.getParent() + " has " + (free >> 20) + " MiB free; the run needs "
          + (bytesNeeded >> 20) + " MiB. Free some space, or run with JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=DIR on a larger disk");
    }
    return new Workspace(dir);
  }

  Path dir() {
    return dir;
  }

  /** A new empty directory for one run. */
  Path scratch(String name) throws IOException {
    return Files.createDirectory(dir.resolve(String.format("%02d-%s", ++scratches, name.replaceAll("\\W+", "-"))));
  }

  /** Deepest paths first, so every directory is empty by the time it is deleted. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Override
  public void close() throws IOException {
    deleteTree(dir);
  }
}
