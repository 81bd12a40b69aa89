package io.sparkube.local.node;

import java.nio.file.Path;

/**
 * A pod volume ready to mount: a host directory or file, or a fresh tmpfs (emptyDir medium Memory).
 * ConfigMap, Secret, downward API and projected volumes are read-only whatever the mount says, as
 * on a kubelet.
 */
record PreparedVolume(Path source, boolean tmpfs, boolean alwaysReadOnly) {

  static PreparedVolume directory(Path source) {
    return new PreparedVolume(source, false, false);
  }

  static PreparedVolume generated(Path source) {
    return new PreparedVolume(source, false, true);
  }

  static PreparedVolume memory() {
    return new PreparedVolume(null, true, false);
  }
}
