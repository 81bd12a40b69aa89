package io.sparkube.submit.identity;

import java.util.Optional;

/** Whether the cluster has a provider's mutating webhook; empty when that cannot be told. */
@FunctionalInterface
public interface WebhookLookup {
  Optional<Boolean> present(String marker);
}
