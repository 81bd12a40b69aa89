package io.sparkube.bench.staging;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Where a fan-out download's bytes go instead of a disk: counted and CRC32C'd, and SHA-256'd when
 * asked, so a short, long or corrupted download is a failure rather than a fast figure.
 */
final class VerifyingSink extends OutputStream {
  private final CRC32C crc = new CRC32C();
  private final MessageDigest sha;
  private long bytes;

  VerifyingSink(boolean withSha256) {
    this.sha = withSha256 ? sha256() : null;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    crc.update(b, off, len);
    if (sha != null) {
      sha.update(b, off, len);
    }
    bytes += len;
  }

  long bytes() {
    return bytes;
  }

  /** What is wrong with the bytes received, if anything. */
  Optional<String> problemAgainst(RandomBlob expected) {
    if (bytes != expected.size()) {
      return Optional.of("received " + bytes + " bytes, expected " + expected.size());
    }
    if (crc.getValue() != expected.crc32c()) {
      return Optional.of("CRC32C mismatch");
    }
    if (sha != null && !HexFormat.of().formatHex(sha.digest()).equals(expected.sha256())) {
      return Optional.of("SHA-256 mismatch");
    }
    return Optional.empty();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
