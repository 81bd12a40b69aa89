package io.sparkube.local.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A local image: a directory standing in for a container image. {@code root} mirrors the image's
 * file system from "/" (e.g. {@code root/opt/spark/jars}); the node binds each top-level
 * directory of it read-only at the same path in the sandbox. Entrypoint, working directory and
 * environment play the roles of the image config's ENTRYPOINT, WORKDIR and ENV.
 */
public record LocalImage(
    String name, Path root, List<String> entrypoint, String workingDir, Map<String, String> env) {

  public LocalImage {
    entrypoint = List.copyOf(entrypoint);
    env = Map.copyOf(env);
  }
}
