package io.sparkube.staging.signing;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Creates the staging server's secret files for installs and tests: a bearer token and a URL
 * signing key, each random, readable by their owner only. Never overwrites: replacing a key would
 * invalidate every URL already handed out.
 */
public final class SecretFiles {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretFiles() {}

  public static Path createToken(Path file) throws IOException {
    return create(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random(32)) + "\n");
  }

  public static Path createSigningKey(Path file) throws IOException {
    return create(file, Base64.getEncoder().encodeToString(random(SigningKey.MIN_BYTES)) + "\n");
  }

  private static Path create(Path file, String content) throws IOException {
    if (Files.exists(file)) {
      throw new FileAlreadyExistsException(file.toString(), null, "refusing to replace an existing secret");
    }
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, content);
    return file;
  }

  private static byte[] random(int bytes) {
    var out = new byte[bytes];
    RANDOM.nextBytes(out);
    return out;
  }
}
