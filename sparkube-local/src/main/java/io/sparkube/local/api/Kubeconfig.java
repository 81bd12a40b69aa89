package io.sparkube.local.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Writes the kubeconfig that points kubectl, Spark and the fabric8 client at the local cluster. */
public final class Kubeconfig {
  public static final String CONTEXT = "sparkube-local";

  private Kubeconfig() {}

  /**
   * Writes {@code file} (owner-only: it holds the admin token) naming {@code serverUrl}, trusting
   * {@code caPem} and authenticating with {@code token}; the default namespace is {@code default}.
   */
  public static Path write(Path file, String serverUrl, String caPem, String token) {
    var caData = Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.UTF_8));
    var yaml = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: %1$s
          cluster:
            server: %2$s
            certificate-authority-data: %3$s
        users:
        - name: %1$s-admin
          user:
            token: %4$s
        contexts:
        - name: %1$s
          context:
            cluster: %1$s
            user: %1$s-admin
            namespace: default
        current-context: %1$s
        preferences: {}
        """.formatted(CONTEXT, serverUrl, caData, token);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Pem.writePrivate(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the kubeconfig " + file, e);
    }
  }
}
