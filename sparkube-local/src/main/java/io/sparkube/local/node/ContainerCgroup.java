package io.sparkube.local.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One container's memory cgroup: limited before the container starts, removed once it has ended. */
record ContainerCgroup(Path dir, CgroupVersion version) {
  /**
   * The command prefixed by a shell that moves itself into the group and then execs the command,
   * so the container's first allocation is already charged to it.
   */
  List<String> enter(List<String> command) {
    var line = new ArrayList<>(List.of("/bin/sh", "-c", "echo $$ > \"$0\" && exec \"$@\"",
        version.procsFile(dir).toString()));
    line.addAll(command);
    return line;
  }

  /** Whether the kernel killed a process of this container for exceeding its limit. */
  boolean oomKilled(int exitCode) {
    try {
      return exitCode != 0 && version.oomKilled(dir, exitCode);
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  /** Removes the group; false while a process is still in it (the kernel refuses then). */
  boolean remove() {
    return removeGroup(dir);
  }

  /** rmdir of a cgroup: the kernel removes its control files with it, and refuses while it is in use. */
  static boolean removeGroup(Path dir) {
    try {
      Files.deleteIfExists(dir);
      return true;
    } catch (NoSuchFileException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
