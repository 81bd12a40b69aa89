package io.sparkube.local.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The two cgroup interfaces a node can set a memory limit through: the files each one names, and
 * how each one records that the kernel OOM-killed a process of the group.
 */
enum CgroupVersion {
  V1("cgroup v1 memory controller") {
    @Override
    void limit(Path dir, long bytes) throws IOException {
      // memsw bounds memory plus swap, so it must not be below the memory limit: set it second.
      Files.writeString(dir.resolve("memory.limit_in_bytes"), Long.toString(bytes));
      writeIfPresent(dir.resolve("memory.memsw.limit_in_bytes"), Long.toString(bytes));
    }

    @Override
    boolean oomKilled(Path dir, int exitCode) throws IOException {
      var kills = counter(dir.resolve("memory.oom_control"), "oom_kill");
      if (kills.isPresent()) {
        return kills.get() > 0;
      }
      // Kernels before 4.13 do not count kills; a SIGKILL after hitting the limit is the next best sign.
      var failures = Files.readString(dir.resolve("memory.failcnt")).strip();
      return exitCode == 137 && Long.parseLong(failures) > 0;
    }
  },
  V2("cgroup v2 memory controller") {
    @Override
    void limit(Path dir, long bytes) throws IOException {
      Files.writeString(dir.resolve("memory.max"), Long.toString(bytes));
      writeIfPresent(dir.resolve("memory.swap.max"), "0");
    }

    @Override
    boolean oomKilled(Path dir, int exitCode) throws IOException {
      return counter(dir.resolve("memory.events"), "oom_kill").orElse(0L) > 0;
    }
  };

  private final String description;

  CgroupVersion(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }

  /** The file a process writes a pid to, to move that process into the group. */
  Path procsFile(Path dir) {
    return dir.resolve("cgroup.procs");
  }

  abstract void limit(Path dir, long bytes) throws IOException;

  abstract boolean oomKilled(Path dir, int exitCode) throws IOException;

  private static void writeIfPresent(Path file, String value) throws IOException {
    if (Files.exists(file)) {
      Files.writeString(file, value);
    }
  }

  /** A "name value" line of a flat-keyed cgroup file such as memory.events. */
  static Optional<Long> counter(Path file, String name) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Files.readAllLines(file).stream().map(line -> line.strip().split("\\s+"))
        .filter(fields -> fields.length == 2 && fields[0].equals(name))
        .map(fields -> Long.parseLong(fields[1])).findFirst();
  }
}
