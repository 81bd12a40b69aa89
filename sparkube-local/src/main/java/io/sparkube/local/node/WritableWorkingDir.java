package io.sparkube.local.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The writable working directory of a container: a per-container directory of the pod, seeded
 * with what the image has at that path, standing in for a container's writable layer there.
 */
final class WritableWorkingDir {
  private WritableWorkingDir() {}

  static Path prepare(Path podDir, String container, Path imageRoot, String workingDir) {
    var target = podDir.resolve("workdirs").resolve(container);
    var source = imageRoot.resolve(workingDir.substring(1));
    try {
      Files.createDirectories(target);
      if (Files.isDirectory(source)) {
        try (Stream<Path> files = Files.walk(source)) {
          for (var file : (Iterable<Path>) files::iterator) {
            var copy = target.resolve(source.relativize(file).toString());
            if (Files.isDirectory(file)) {
              Files.createDirectories(copy);
            } else if (!Files.exists(copy)) {
              Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
          }
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the working directory " + workingDir + " of " + container, e);
    }
  }
}
