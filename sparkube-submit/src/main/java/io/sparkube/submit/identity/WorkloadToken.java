package io.sparkube.submit.identity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The projected ServiceAccount token a provider's webhook adds to a pod, and the env vars that
 * point the cloud SDKs at it. Where the cluster has no such webhook Sparkube adds the same, with
 * the same names, to the driver and the executors.
 */
public record WorkloadToken(
    String volumeName, String audience, long expirationSeconds, String mountPath, String fileName,
    Map<String, String> env) {

  public WorkloadToken {
    // Insertion order: the env vars are written (and shown by --verbose) in the provider's order.
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
  }

  public String tokenFile() {
    return mountPath + "/" + fileName;
  }
}
