package io.sparkube.local.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How this node enforces containers' {@code limits.memory}, chosen once at start by
 * {@link MemoryLimitsProbe}: a memory cgroup per container under a parent the node owns, when the
 * machine lets the node write one, and always the JVM heap cap of {@link MemoryCap}.
 */
final class MemoryLimits implements AutoCloseable {
  private final Optional<CgroupVersion> version;
  private final Optional<Path> parent;
  private final String details;
  private final Set<ContainerCgroup> created = ConcurrentHashMap.newKeySet();

  private MemoryLimits(Optional<CgroupVersion> version, Optional<Path> parent, String details) {
    this.version = version;
    this.parent = parent;
    this.details = details;
  }

  static MemoryLimits cgroups(CgroupVersion version, Path parent) {
    return new MemoryLimits(Optional.of(version), Optional.of(parent), "container cgroups under " + parent);
  }

  static MemoryLimits jvmCapOnly(String why) {
    return new MemoryLimits(Optional.empty(), Optional.empty(), why);
  }

  /** Which mechanism applies, in a line a user can read. */
  String description() {
    return version.map(v -> "memory limits: " + v.description() + " + JVM heap cap")
        .orElse("JVM heap cap only: no writable memory cgroup");
  }

  /** Where the container cgroups go, or why there are none. */
  String details() {
    return details;
  }

  Optional<CgroupVersion> version() {
    return version;
  }

  /** The node's own parent cgroup, removed by {@link #close()}. */
  Optional<Path> parent() {
    return parent;
  }

  /** A cgroup limited to the container's limit, when it has one and this node writes cgroups. */
  Optional<ContainerCgroup> create(String name, Optional<Long> limitBytes) {
    if (version.isEmpty() || limitBytes.isEmpty()) {
      return Optional.empty();
    }
    var cgroup = new ContainerCgroup(parent.get().resolve(name), version.get());
    try {
      // A restart reuses the name; its previous group goes first if it is still there.
      cgroup.remove();
      Files.createDirectory(cgroup.dir());
      created.add(cgroup);
      version.get().limit(cgroup.dir(), limitBytes.get());
      return Optional.of(cgroup);
    } catch (IOException e) {
      release(cgroup);
      throw new UncheckedIOException("cannot create memory cgroup " + cgroup.dir() + ": " + e.getMessage(), e);
    }
  }

  /** Removes a container's cgroup; false while processes are still in it. */
  boolean release(ContainerCgroup cgroup) {
    if (cgroup.remove()) {
      created.remove(cgroup);
      return true;
    }
    return false;
  }

  /** Removes what is left of the containers' cgroups, then the parent; call once no container runs. */
  @Override
  public void close() {
    created.forEach(this::release);
    parent.ifPresent(ContainerCgroup::removeGroup);
  }
}
