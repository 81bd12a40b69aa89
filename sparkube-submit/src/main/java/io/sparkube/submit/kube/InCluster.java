package io.sparkube.submit.kube;

import io.sparkube.submit.SubmitEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The service account a pod's process sees: its mounted token, CA and namespace, and the API
 * server address Kubernetes puts in every container's environment.
 */
public record InCluster(Path serviceAccountDir, Optional<String> serviceHost, Optional<String> servicePort) {

  public static final Path SERVICE_ACCOUNT_DIR = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

  public static InCluster from(SubmitEnvironment env) {
    return new InCluster(SERVICE_ACCOUNT_DIR,
        env.variable("KUBERNETES_SERVICE_HOST"), env.variable("KUBERNETES_SERVICE_PORT"));
  }

  public Path tokenFile() {
    return serviceAccountDir.resolve("token");
  }

  public Path caCertFile() {
    return serviceAccountDir.resolve("ca.crt");
  }

  public boolean hasToken() {
    return Files.isRegularFile(tokenFile());
  }

  /** The API server inside the cluster, as kubectl and client-go's InClusterConfig find it. */
  public Optional<String> masterUrl() {
    return serviceHost.flatMap(host -> servicePort.map(port ->
        "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port));
  }

  public Optional<String> namespace() {
    var file = serviceAccountDir.resolve("namespace");
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }
}
