package io.sparkube.submit.create;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;

/** Makes objects owned by the driver pod, so deleting the pod collects them. */
final class OwnerReferences {
  private OwnerReferences() {}

  /** Copies of {@code objects} with the pod as sole owner, set as Spark's addOwnerReference sets it. */
  static List<HasMetadata> ownedBy(Pod pod, List<HasMetadata> objects, KubernetesSerialization serialization) {
    var reference = referenceTo(pod);
    return objects.stream().map(object -> {
      var copy = serialization.clone(object);
      copy.getMetadata().setOwnerReferences(List.of(reference));
      return copy;
    }).toList();
  }

  // Spark sets controller but not blockOwnerDeletion; the API server treats absent as false.
  static OwnerReference referenceTo(Pod pod) {
    return new OwnerReferenceBuilder()
        .withName(pod.getMetadata().getName())
        .withApiVersion(pod.getApiVersion())
        .withUid(pod.getMetadata().getUid())
        .withKind(pod.getKind())
        .withController(true)
        .build();
  }
}
