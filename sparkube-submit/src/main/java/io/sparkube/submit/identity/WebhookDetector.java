package io.sparkube.submit.identity;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;

/**
 * Looks for a provider's mutating webhook among the cluster's MutatingWebhookConfigurations.
 * Only observes; the caller decides what to do with the answer.
 */
public final class WebhookDetector {
  private final KubernetesClient client;

  public WebhookDetector(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Whether a configuration or one of its webhooks has {@code marker} in its name; empty when the
   * caller may not list them (listing is cluster-scoped, and many users cannot).
   */
  public Optional<Boolean> present(String marker) {
    try {
      var configurations = client.admissionRegistration().v1().mutatingWebhookConfigurations().list().getItems();
      return Optional.of(configurations.stream().anyMatch(c -> c.getMetadata().getName().contains(marker)
          || (c.getWebhooks() != null && c.getWebhooks().stream().anyMatch(w -> w.getName().contains(marker)))));
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403 || e.getCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
