package io.sparkube.submit.identity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one identity adds to a job, on any cluster.
 *
 * @param serviceAccountAnnotations what the provider reads from the job's ServiceAccount
 * @param podLabels what the provider reads from each pod, driver and executors alike
 * @param token the token volume and env vars the provider's webhook would add; empty when the
 *     provider works without one (GKE's metadata server, aad-pod-identity's NMI)
 * @param webhookMarker part of the name of the provider's MutatingWebhookConfiguration
 * @param hadoopSettings Hadoop keys (without {@code spark.hadoop.}) that make the storage
 *     connectors use this identity and nothing else
 * @param caveats things the user should know, e.g. a connector that cannot use the identity
 */
public record IdentityBinding(
    Identity identity,
    Map<String, String> serviceAccountAnnotations,
    Map<String, String> podLabels,
    Optional<WorkloadToken> token,
    Optional<String> webhookMarker,
    Map<String, String> hadoopSettings,
    List<String> caveats) {

  public IdentityBinding {
    serviceAccountAnnotations = ordered(serviceAccountAnnotations);
    podLabels = ordered(podLabels);
    hadoopSettings = ordered(hadoopSettings);
    caveats = List.copyOf(caveats);
  }

  /** Keeps the provider's order, so what Sparkube writes and prints is the same on every run. */
  private static Map<String, String> ordered(Map<String, String> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
