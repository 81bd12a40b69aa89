package io.sparkube.submit.identity;

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
    env = Map.copyOf(env);
  }

  public String tokenFile() {
    return mountPath + "/" + fileName;
  }
}
