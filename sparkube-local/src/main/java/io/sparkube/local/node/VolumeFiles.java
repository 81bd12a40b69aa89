package io.sparkube.local.node;

import io.fabric8.kubernetes.api.model.KeyToPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes key/value data into a volume directory the way ConfigMap and Secret volumes lay it out. */
final class VolumeFiles {
  static final int DEFAULT_MODE = 0644;

  private VolumeFiles() {}

  /** All keys as files when {@code items} is empty, else just the listed keys at their paths. */
  static void writeMap(Path dir, Map<String, byte[]> data, List<KeyToPath> items, Integer defaultMode,
      boolean optional, String what) {
    var mode = defaultMode == null ? DEFAULT_MODE : defaultMode;
    if (items == null || items.isEmpty()) {
      data.forEach((key, value) -> write(dir.resolve(key), value, mode));
      return;
    }
    for (var item : items) {
      var value = data.get(item.getKey());
      if (value == null) {
        if (optional) {
          continue;
        }
        throw new MissingReferenceException("configmap references non-existent config key: " + item.getKey()
            + " in " + what);
      }
      write(dir.resolve(item.getPath()), value, item.getMode() == null ? mode : item.getMode());
    }
  }

  static void write(Path file, String text, int mode) {
    write(file, text.getBytes(StandardCharsets.UTF_8), mode);
  }

  static void write(Path file, byte[] content, int mode) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      Files.setPosixFilePermissions(file, permissions(mode));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write volume file " + file, e);
    }
  }

  static Set<PosixFilePermission> permissions(int mode) {
    var result = EnumSet.noneOf(PosixFilePermission.class);
    var all = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, high bit first
    for (int i = 0; i < all.length; i++) {
      if ((mode & (1 << (all.length - 1 - i))) != 0) {
        result.add(all[i]);
      }
    }
    return result;
  }
}
