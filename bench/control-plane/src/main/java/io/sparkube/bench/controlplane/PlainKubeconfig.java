package io.sparkube.bench.controlplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A kubeconfig for the benchmark's plain-http API server. The server checks no credentials, but the
 * user has a token all the same: fabric8 re-reads a kubeconfig whose user has none before every
 * request (to look for a fresh token), which a deployed control plane, holding its ServiceAccount's
 * token, does not do.
 */
final class PlainKubeconfig {
  private PlainKubeconfig() {}

  static Path write(Path file, String serverUrl) throws IOException {
    return Files.writeString(file, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: bench
          cluster:
            server: %s
        users:
        - name: bench
          user:
            token: not-checked-by-the-local-api-server
        contexts:
        - name: bench
          context:
            cluster: bench
            user: bench
            namespace: default
        current-context: bench
        """.formatted(serverUrl));
  }
}
