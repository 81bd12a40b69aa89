package io.sparkube.model.secrets;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random secrets written to files readable by their owner only: tokens and keys live in files,
 * never in arguments or environment. Never overwrites: replacing a secret breaks whoever holds it.
 */
public final class SecretFiles {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretFiles() {}

  /** A URL-safe bearer token of 32 random bytes. */
  public static Path createToken(Path file) throws IOException {
    return create(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random(32)) + "\n");
  }

  /** {@code bytes} random bytes in standard base64, as keys are read. */
  public static Path createKey(Path file, int bytes) throws IOException {
    return create(file, Base64.getEncoder().encodeToString(random(bytes)) + "\n");
  }

  public static Path create(Path file, String content) throws IOException {
    if (Files.exists(file)) {
      throw new FileAlreadyExistsException(file.toString(), null, "refusing to replace an existing secret");
    }
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, content);
    return file;
  }

  public static byte[] random(int bytes) {
    var out = new byte[bytes];
    RANDOM.nextBytes(out);
    return out;
  }
}
