package io.sparkube.staging.http;

import io.sparkube.model.error.SparkubeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The token uploads and job requests carry, read from a file. Only its SHA-256 is kept and
 * compared, in constant time, so neither its length nor its bytes leak through timing.
 */
final class BearerToken {
  private static final int MIN_LENGTH = 16;
  private static final String SCHEME = "bearer ";

  private final byte[] digest;

  private BearerToken(byte[] digest) {
    this.digest = digest;
  }

  static BearerToken read(Path file, String settingKey) {
    String token;
    try {
      token = Files.readString(file).strip();
    } catch (IOException e) {
      throw SparkubeException.invalidConfig(settingKey + "=" + file + " cannot be read (" + e.getMessage()
          + "); create it with 'head -c 32 /dev/urandom | base64 > " + file + "'");
    }
    if (token.length() < MIN_LENGTH || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw SparkubeException.invalidConfig(settingKey + "=" + file + " must hold one token of at least " + MIN_LENGTH
          + " printable characters; create it with 'head -c 32 /dev/urandom | base64 > " + file + "'");
    }
    return new BearerToken(sha256(token));
  }

  boolean admits(String authorization) {
    if (authorization == null || authorization.length() <= SCHEME.length()
        || !authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      return false;
    }
    return MessageDigest.isEqual(digest, sha256(authorization.substring(SCHEME.length()).strip()));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
