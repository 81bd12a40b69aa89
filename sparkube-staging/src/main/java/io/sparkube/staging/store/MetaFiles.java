package io.sparkube.staging.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Blob metadata as small JSON files, replaced atomically so a crash leaves the old or the new one. */
final class MetaFiles {
  private static final Logger LOG = LoggerFactory.getLogger(MetaFiles.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BlobLayout layout;

  MetaFiles(BlobLayout layout) {
    this.layout = layout;
  }

  void write(BlobMeta meta) throws IOException {
    var target = layout.meta(meta.sha());
    var temp = Files.createTempFile(layout.tmp(), meta.sha256() + "-", ".json.part");
    try {
      try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(JSON.writeValueAsBytes(meta)));
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Empty when the file is missing or unreadable; the store then rebuilds it from the blob itself. */
  Optional<BlobMeta> read(Path file) {
    try {
      return Optional.of(JSON.readValue(file.toFile(), BlobMeta.class));
    } catch (IOException e) {
      LOG.warn("ignoring unreadable blob metadata {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }
}
