package io.sparkube.local.node;

import java.nio.file.Files;
import java.nio.file.Path;

/** Something mounted at {@code target} inside the sandbox: a host path, or a fresh tmpfs when source is null. */
record SandboxMount(String target, Path source, boolean readOnly) {

  SandboxMount {
    if (!target.startsWith("/")) {
      throw new IllegalArgumentException("mount path must be absolute: " + target);
    }
    target = target.length() > 1 && target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
  }

  static SandboxMount tmpfs(String target) {
    return new SandboxMount(target, null, false);
  }

  boolean isFile() {
    return source != null && Files.isRegularFile(source);
  }

  /** Whether this mount sits strictly beneath {@code dir} (a sandbox path). */
  boolean isBelow(String dir) {
    return dir.equals("/") ? !target.equals("/") : target.startsWith(dir + "/");
  }
}
