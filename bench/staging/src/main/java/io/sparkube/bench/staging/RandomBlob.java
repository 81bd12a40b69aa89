package io.sparkube.bench.staging;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * A file of random bytes, so nothing on the way can gain by compressing or deduplicating it, with
 * the checksums every download is held to: CRC32C (cheap enough for every byte of every download)
 * and SHA-256 (the blob's name on the staging server).
 */
record RandomBlob(Path file, long size, String sha256, long crc32c) {

  static RandomBlob write(Path file, long size, long seed) throws IOException {
    var random = new SplittableRandom(seed);
    var bytes = new byte[Copy.BUFFER_BYTES];
    var longs = ByteBuffer.wrap(bytes);
    var sha = VerifyingSink.sha256();
    var crc = new CRC32C();
    try (var out = new FileOutputStream(file.toFile())) {
      for (long left = size; left > 0; ) {
        longs.clear();
        while (longs.hasRemaining()) {
          longs.putLong(random.nextLong());
        }
        int n = (int) Math.min(bytes.length, left);
        sha.update(bytes, 0, n);
        crc.update(bytes, 0, n);
        out.write(bytes, 0, n);
        left -= n;
      }
    }
    return new RandomBlob(file, size, HexFormat.of().formatHex(sha.digest()), crc.getValue());
  }

  String fileName() {
    return file.getFileName().toString();
  }
}
