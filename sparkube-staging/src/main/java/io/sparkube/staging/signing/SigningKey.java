package io.sparkube.staging.signing;

import io.sparkube.model.error.SparkubeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

/** The HMAC key that signs download URLs, read from a file holding it in base64. */
public final class SigningKey {
  static final int MIN_BYTES = 32;

  private final byte[] bytes;

  private SigningKey(byte[] bytes) {
    this.bytes = bytes;
  }

  public static SigningKey of(byte[] bytes) {
    if (bytes.length < MIN_BYTES) {
      throw new IllegalArgumentException("a signing key needs at least " + MIN_BYTES + " bytes");
    }
    return new SigningKey(bytes.clone());
  }

  /**
   * Reads the key; a missing or weak key fails rather than being generated, since a key made here
   * would differ between replicas and across a lost volume, and every URL handed out would break.
   */
  public static SigningKey read(Path file, String settingKey) {
    if (!Files.isRegularFile(file)) {
      throw SparkubeException.invalidConfig(settingKey + "=" + file + " does not exist; create it with"
          + " 'head -c 32 /dev/urandom | base64 > " + file + "' and keep it private");
    }
    byte[] decoded;
    try {
      decoded = Base64.getMimeDecoder().decode(Files.readString(file).strip());
    } catch (IOException | IllegalArgumentException e) {
      throw SparkubeException.invalidConfig(settingKey + "=" + file + " cannot be read as base64 ("
          + e.getMessage() + "); recreate it with 'head -c 32 /dev/urandom | base64 > " + file + "'");
    }
    if (decoded.length < MIN_BYTES) {
      throw SparkubeException.invalidConfig(settingKey + "=" + file + " holds " + decoded.length + " bytes, fewer"
          + " than " + MIN_BYTES + "; recreate it with 'head -c 32 /dev/urandom | base64 > " + file + "'");
    }
    return new SigningKey(decoded);
  }

  byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public String toString() {
    return "SigningKey[" + bytes.length + " bytes]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SigningKey other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }
}
