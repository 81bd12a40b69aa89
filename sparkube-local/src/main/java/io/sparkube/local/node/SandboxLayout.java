package io.sparkube.local.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Lays out the sandbox's file system: the host read-only, each top-level directory of the image
 * over it, then the mounts. bwrap cannot create a mount point inside a read-only bind, so a
 * directory that must receive a mount point it lacks is rebuilt instead: a tmpfs with each of its
 * entries bound back one by one, remounted read-only once everything beneath it is in place.
 */
final class SandboxLayout {
  private final Path imageRoot;
  private final Set<String> imageTopLevel = new TreeSet<>();
  private final List<SandboxMount> mounts;
  private final List<String> args = new ArrayList<>();
  private final List<String> rebuilt = new ArrayList<>();

  SandboxLayout(Path imageRoot, List<SandboxMount> mounts) {
    this.imageRoot = imageRoot;
    try (Stream<Path> entries = imageRoot == null ? Stream.empty() : Files.list(imageRoot)) {
      entries.forEach(e -> imageTopLevel.add(e.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read image root " + imageRoot, e);
    }
    this.mounts = mounts.stream().map(this::throughHostSymlinks).toList();
  }

  /** The mounts, with host symbolic links in their paths resolved (e.g. /var/run is /run on Debian). */
  List<SandboxMount> mounts() {
    return mounts;
  }

  /** The bwrap arguments that build the file system (before the mounts themselves). */
  List<String> fileSystemArgs() {
    var topLevelMissing = imageTopLevel.stream().anyMatch(n -> !Files.isDirectory(Path.of("/", n)))
        || mounts.stream().anyMatch(m -> m.target().lastIndexOf('/') == 0 && !hasMountPoint(m));
    if (topLevelMissing) {
      // Rare: something must appear at the top level that the host lacks; bwrap's root is an empty tmpfs.
      for (var entry : list(Path.of("/"))) {
        var name = entry.getFileName().toString();
        if (!imageTopLevel.contains(name)) {
          place("/" + name, entry);
        }
      }
    } else {
      args.addAll(List.of("--ro-bind", "/", "/"));
      for (var entry : list(Path.of("/"))) {
        var name = entry.getFileName().toString();
        if (!imageTopLevel.contains(name) && Files.isDirectory(entry) && !Files.isSymbolicLink(entry)
            && missingBelow("/" + name)) {
          place("/" + name, entry);
        }
      }
    }
    imageTopLevel.forEach(name -> place("/" + name, imageRoot.resolve(name)));
    return args;
  }

  /** Directories rebuilt on tmpfs, to remount read-only after all mounts. */
  List<String> rebuiltDirectories() {
    return rebuilt;
  }

  private void place(String target, Path source) {
    if (isMountPoint(target)) {
      return;
    }
    if (Files.isSymbolicLink(source)) {
      args.addAll(List.of("--symlink", readLink(source), target));
    } else if (!Files.isDirectory(source) || !missingBelow(target)) {
      args.addAll(List.of("--ro-bind", source.toString(), target));
    } else {
      args.addAll(List.of("--tmpfs", target));
      rebuilt.add(target);
      for (var entry : list(source)) {
        place(target + "/" + entry.getFileName(), entry);
      }
    }
  }

  /** Whether some mount point beneath dir lacks an entry of the right kind to mount on. */
  private boolean missingBelow(String dir) {
    return mounts.stream().filter(m -> m.isBelow(dir)).anyMatch(m -> !hasMountPoint(m));
  }

  private boolean hasMountPoint(SandboxMount mount) {
    var existing = hostPathOf(mount.target());
    return mount.isFile() ? Files.isRegularFile(existing) : Files.isDirectory(existing);
  }

  /** Where the content of a sandbox path comes from, before mounts: the image for its paths, else the host. */
  private Path hostPathOf(String target) {
    var first = target.substring(1).split("/", 2)[0];
    return imageTopLevel.contains(first) ? imageRoot.resolve(target.substring(1)) : Path.of(target);
  }

  private SandboxMount throughHostSymlinks(SandboxMount mount) {
    var first = mount.target().substring(1).split("/", 2)[0];
    if (imageTopLevel.contains(first)) {
      return mount;
    }
    var target = Path.of(mount.target());
    var existing = target;
    while (existing.getParent() != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    try {
      var resolved = existing.toRealPath().resolve(existing.relativize(target)).toString();
      return new SandboxMount(resolved, mount.source(), mount.readOnly());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + existing, e);
    }
  }

  private boolean isMountPoint(String target) {
    return mounts.stream().anyMatch(m -> m.target().equals(target));
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static String readLink(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read symbolic link " + link, e);
    }
  }
}
