package io.sparkube.local.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * Everything secret a cluster keeps in its state directory, loaded once and generated the first
 * time: the CA and server certificate, the service-account signing key, and the admin token the
 * kubeconfig carries. A restart keeps them, so kubeconfigs and tokens already handed out stay valid.
 */
public record ClusterKeys(ClusterCa ca, ServiceAccountTokens tokens, String adminToken) {

  public static ClusterKeys loadOrCreate(Path stateDir, Clock clock) {
    return new ClusterKeys(ClusterCa.loadOrCreate(stateDir), ServiceAccountTokens.loadOrCreate(stateDir, clock),
        adminToken(stateDir.resolve("admin.token")));
  }

  private static String adminToken(Path file) {
    try {
      if (!Files.exists(file)) {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        Pem.writePrivate(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
      }
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the admin token " + file, e);
    }
  }
}
