package io.sparkube.staging.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where things live under the store's directory: {@code blobs/ab/abcd...} and its
 * {@code .json} metadata, and {@code tmp/} for writes in progress. The temp directory is inside
 * the same tree so moving a finished file into place is one atomic rename on one filesystem.
 */
record BlobLayout(Path root) {
  static final String META_SUFFIX = ".json";

  Path blobs() {
    return root.resolve("blobs");
  }

  Path tmp() {
    return root.resolve("tmp");
  }

  Path data(Sha256 sha) {
    return blobs().resolve(sha.hex().substring(0, 2)).resolve(sha.hex());
  }

  Path meta(Sha256 sha) {
    return blobs().resolve(sha.hex().substring(0, 2)).resolve(sha.hex() + META_SUFFIX);
  }

  /** Makes a rename or a delete in {@code dir} survive a power cut, as a database does after commit. */
  static void syncDirectory(Path dir) throws IOException {
    try (var channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some filesystems refuse to sync a directory; the rename is still atomic, only less durable.
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    }
  }
}
