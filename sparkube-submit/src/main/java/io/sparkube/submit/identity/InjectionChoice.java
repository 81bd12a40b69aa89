package io.sparkube.submit.identity;

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

  /** @param connect asks the cluster only if the answer depends on it; empty for a dry run */
  public static boolean inject(JobIdentitySettings settings, Supplier<Optional<WebhookLookup>> connect,
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
        var lookup = connect.get();
        var found = lookup.flatMap(l -> l.present(marker));
        if (found.isEmpty()) {
          reporter.info("cannot tell whether the cluster has the " + marker + " webhook" + (lookup.isEmpty()
              ? " (a dry run asks no cluster)" : " (listing MutatingWebhookConfigurations is not allowed)")
              + "; Sparkube adds the identity's token itself (--identity-injection webhook to leave it to the webhook)");
        }
        yield !found.orElse(false);
      }
    };
  }
}
