package io.sparkube.local.api;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Which objects an owner's removal orphans: those whose ownerReferences name its uid, in the
 * owner's namespace (or anywhere, for a cluster-scoped owner), as Kubernetes' garbage collector
 * decides. Deleting them is the caller's, so their own dependents follow transitively.
 */
final class GarbageCollector {
  private GarbageCollector() {}

  static List<StoredObject> dependents(String ownerUid, String ownerNamespace, Collection<StoredObject> objects) {
    return objects.stream()
        .filter(o -> ownerNamespace == null || ownerNamespace.isEmpty() || ownerNamespace.equals(o.namespace()))
        .filter(o -> o.resource().getMetadata().getOwnerReferences() != null
            && o.resource().getMetadata().getOwnerReferences().stream()
                .anyMatch(ref -> Objects.equals(ownerUid, ref.getUid())))
        .toList();
  }
}
