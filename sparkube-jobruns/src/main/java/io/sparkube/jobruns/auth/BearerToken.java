package io.sparkube.jobruns.auth;

import io.sparkube.model.error.SparkubeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The bearer token read from its file. Only its SHA-256 is kept, and digests are compared in
 * constant time, so neither the token's length nor its bytes show through timing.
 */
public final class BearerToken {
  private static final int MIN_LENGTH = 16;

  private final byte[] digest;

  private BearerToken(byte[] digest) {
    this.digest = digest;
  }

  public static BearerToken read(Path file, String settingKey) {
    String token;
    try {
      token = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw SparkubeException.invalidConfig(settingKey + "=" + file + " cannot be read (" + e.getMessage()
          + "); point it at a file holding the token, e.g. made with 'head -c 32 /dev/urandom | base64'");
    }
    if (token.length() < MIN_LENGTH || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw SparkubeException.invalidConfig(settingKey + "=" + file + " must hold one token of at least "
          + MIN_LENGTH + " printable characters and no blanks; e.g. 'head -c 32 /dev/urandom | base64 > " + file + "'");
    }
    return new BearerToken(Hashing.sha256(token.getBytes(StandardCharsets.UTF_8)));
  }

  boolean matches(String presented) {
    return MessageDigest.isEqual(digest, Hashing.sha256(presented.strip().getBytes(StandardCharsets.UTF_8)));
  }
}
