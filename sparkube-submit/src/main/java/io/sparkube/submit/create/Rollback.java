package io.sparkube.submit.create;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/** What a submission has created so far, to delete in reverse when a later step fails. */
final class Rollback {
  private final KubernetesClient client;
  private final String namespace;
  private final List<HasMetadata> created = new ArrayList<>();

  Rollback(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  void created(HasMetadata object) {
    created.add(object);
  }

  List<HasMetadata> created() {
    return List.copyOf(created);
  }

  /**
   * Deletes in reverse creation order; a failed delete is attached to {@code failure} rather than
   * hiding it, and the rest are still attempted.
   */
  void undo(Exception failure) {
    for (int i = created.size() - 1; i >= 0; i--) {
      try {
        client.resource(created.get(i)).inNamespace(namespace).delete();
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
    created.clear();
  }
}
