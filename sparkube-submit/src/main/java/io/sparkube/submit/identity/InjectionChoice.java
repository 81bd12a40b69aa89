package io.sparkube.submit.identity;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.submit.Reporter;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides whether Sparkube adds the identity's token volume and env vars itself: yes when asked
 * to, no when told a webhook does, and in auto mode yes unless the provider's webhook is found.
 * Injecting on a cluster that has the webhook is harmless (the same names are used), so an
 * unknown answer means inject.
 */
public final class InjectionChoice {
  private InjectionChoice() {}

  /** @param client connects only if the answer depends on the cluster; empty for a dry run */
  public static boolean inject(JobIdentitySettings settings, Supplier<Optional<KubernetesClient>> connect,
      Reporter reporter) {
    var binding = settings.binding();
    if (binding.isEmpty() || binding.get().token().isEmpty()) {
      return false;
    }
    var marker = binding.get().webhookMarker().orElseThrow();
    return switch (settings.injection()) {
      case "sparkube" -> true;
      case "webhook" -> false;
      default -> {
        var client = connect.get();
        var found = client.flatMap(c -> new WebhookDetector(c).present(marker));
        if (found.isEmpty()) {
          reporter.info("cannot tell whether the cluster has the " + marker + " webhook" + (client.isEmpty()
              ? " (a dry run asks no cluster)" : " (listing MutatingWebhookConfigurations is not allowed)")
              + "; Sparkube adds the identity's token itself (--identity-injection webhook to leave it to the webhook)");
        }
        yield !found.orElse(false);
      }
    };
  }
}
