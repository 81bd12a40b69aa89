package io.sparkube.bench.staging;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file as large as a run's peak page cache and deletes it, so that the memory every run
 * needs has been touched once before any timing, and the runs reuse those pages rather than pages
 * the hypervisor took back earlier (see {@link FreePageReporting}): a page's first write after that
 * costs the host a fault, and the first runs would pay for all of them.
 */
final class MemoryPrimer {
  private static final int BUFFER_BYTES = 1 << 20;

  private MemoryPrimer() {}

  static void prime(Path dir, long bytes) throws IOException {
    var file = dir.resolve("memory-primer.bin");
    var zeros = ByteBuffer.allocateDirect(BUFFER_BYTES);
    try (var out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      for (long written = 0; written < bytes; ) {
        zeros.clear().limit((int) Math.min(BUFFER_BYTES, bytes - written));
        written += out.write(zeros);
      }
    } finally {
      // Deleted before writeback catches up, its pages go back to the free lists without disk work.
      Files.deleteIfExists(file);
    }
  }
}
