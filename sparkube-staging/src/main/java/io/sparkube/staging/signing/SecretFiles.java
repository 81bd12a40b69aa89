package io.sparkube.staging.signing;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Creates the staging server's secret files for installs and tests: a bearer token and a URL
 * signing key long enough for {@link SigningKey}. Never overwrites: replacing a key would
 * invalidate every URL already handed out.
 */
public final class SecretFiles {
  private SecretFiles() {}

  public static Path createToken(Path file) throws IOException {
    return io.sparkube.model.secrets.SecretFiles.createToken(file);
  }

  public static Path createSigningKey(Path file) throws IOException {
    return io.sparkube.model.secrets.SecretFiles.createKey(file, SigningKey.MIN_BYTES);
  }
}
