package io.sparkube.local.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, at node start, how containers' memory limits are enforced: cgroup v2 with a memory
 * controller the node can delegate to its own parent group, else a writable cgroup v1 memory
 * controller, else the JVM heap cap alone. The node's parent group goes under the node process's
 * own cgroup, so the containers stay inside whatever limit the node itself runs under.
 */
final class MemoryLimitsProbe {
  private static final Logger LOG = LoggerFactory.getLogger(MemoryLimitsProbe.class);
  private static final AtomicInteger NODES = new AtomicInteger();
  /** Parent groups are named for the node's process, so a later node can tell a crashed one's apart. */
  private static final Pattern PARENT_NAME = Pattern.compile("sparkube-(\\d+)-\\d+");

  private final Path root;
  private final List<String> selfCgroup;
  private final String parentName;
  private final List<String> notes = new ArrayList<>();

  /**
   * @param root where cgroup hierarchies are mounted, /sys/fs/cgroup on a real machine
   * @param selfCgroup the lines of /proc/self/cgroup
   */
  MemoryLimitsProbe(Path root, List<String> selfCgroup) {
    this.root = root;
    this.selfCgroup = selfCgroup;
    this.parentName = "sparkube-" + ProcessHandle.current().pid() + "-" + NODES.incrementAndGet();
  }

  /** Probes the cgroup mounts under {@code root} as this process sees them. */
  static MemoryLimits probe(Path root) {
    try {
      return new MemoryLimitsProbe(root, Files.readAllLines(Path.of("/proc/self/cgroup"))).probe();
    } catch (IOException e) {
      return MemoryLimits.jvmCapOnly("cannot read /proc/self/cgroup: " + e.getMessage());
    }
  }

  MemoryLimits probe() {
    var v2 = cgroupV2();
    if (v2.isPresent()) {
      return MemoryLimits.cgroups(CgroupVersion.V2, v2.get());
    }
    var v1 = cgroupV1();
    if (v1.isPresent()) {
      return MemoryLimits.cgroups(CgroupVersion.V1, v1.get());
    }
    return MemoryLimits.jvmCapOnly(String.join("; ", notes));
  }

  private Optional<Path> cgroupV2() {
    var mount = Files.exists(root.resolve("cgroup.controllers")) ? root : root.resolve("unified");
    if (!Files.exists(mount.resolve("cgroup.controllers"))) {
      notes.add("no cgroup v2 hierarchy under " + root);
      return Optional.empty();
    }
    var own = ownGroup(mount, "");
    if (!words(own.resolve("cgroup.controllers")).contains("memory")) {
      notes.add("cgroup v2 at " + mount + " has no memory controller for this process");
      return Optional.empty();
    }
    // A group holding processes cannot hand controllers to children, unless it is the root: the
    // parent group goes beside the node's own group when the node's group is not the root.
    var candidates = own.equals(mount) ? List.of(own) : List.of(own, own.getParent());
    for (var candidate : candidates) {
      var parent = candidate.resolve(parentName);
      try {
        var subtree = candidate.resolve("cgroup.subtree_control");
        if (!words(subtree).contains("memory")) {
          Files.writeString(subtree, "+memory");
        }
        Files.createDirectory(parent);
        Files.writeString(parent.resolve("cgroup.subtree_control"), "+memory");
        removeStaleParents(candidate);
        return Optional.of(parent);
      } catch (IOException e) {
        ContainerCgroup.removeGroup(parent);
        notes.add("cannot delegate the cgroup v2 memory controller under " + candidate + ": " + e);
      }
    }
    return Optional.empty();
  }

  private Optional<Path> cgroupV1() {
    var mount = root.resolve("memory");
    if (!Files.exists(mount.resolve("memory.limit_in_bytes"))) {
      notes.add("no cgroup v1 memory controller at " + mount);
      return Optional.empty();
    }
    var own = ownGroup(mount, "memory");
    var parent = own.resolve(parentName);
    try {
      Files.createDirectory(parent);
      removeStaleParents(own);
      return Optional.of(parent);
    } catch (IOException e) {
      notes.add("cannot create a cgroup under " + own + ": " + e);
      return Optional.empty();
    }
  }

  /** This process's group in a hierarchy: the v2 line has no controllers, a v1 line names them. */
  private Path ownGroup(Path mount, String controller) {
    for (var line : selfCgroup) {
      var fields = line.split(":", 3);
      if (fields.length == 3 && (controller.isEmpty() ? fields[0].equals("0") && fields[1].isEmpty()
          : Arrays.asList(fields[1].split(",")).contains(controller))) {
        var group = mount.resolve(fields[2].replaceFirst("^/+", ""));
        // In a cgroup namespace without its own mount the path may not be visible: use the mount.
        return Files.isDirectory(group) ? group : mount;
      }
    }
    return mount;
  }

  /** Parent groups of node processes that are gone: their containers' groups, then them. */
  private static void removeStaleParents(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      for (var stale : children.filter(MemoryLimitsProbe::isStaleParent).toList()) {
        try (Stream<Path> groups = Files.list(stale)) {
          groups.filter(Files::isDirectory).forEach(ContainerCgroup::removeGroup);
        }
        var removed = ContainerCgroup.removeGroup(stale);
        LOG.warn("Found the memory cgroup {} of a node that is gone; {}", stale,
            removed ? "removed it" : "it still holds processes, so it stays");
      }
    }
  }

  private static boolean isStaleParent(Path dir) {
    var matcher = PARENT_NAME.matcher(dir.getFileName().toString());
    return Files.isDirectory(dir) && matcher.matches()
        && ProcessHandle.of(Long.parseLong(matcher.group(1))).isEmpty();
  }

  private static List<String> words(Path file) {
    try {
      return Files.exists(file) ? List.of(Files.readString(file).strip().split("\\s+")) : List.of();
    } catch (IOException e) {
      return List.of();
    }
  }
}
