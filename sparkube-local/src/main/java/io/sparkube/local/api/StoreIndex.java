package io.sparkube.local.api;

import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each stored object's key sits, by resource (plural), namespace and name, and by the uids
 * of its owners. fabric8's CRUD store finds objects by matching every stored key against the
 * query, so each request cost grew with everything ever created; with this, a get, a list of one
 * namespace or the dependents of one owner look only at their own candidates. Not thread-safe:
 * the dispatcher guards it with its lock.
 */
final class StoreIndex {
  private static final String PLURAL = "plural";
  private static final String NAMESPACE = "namespace";
  private static final String NAME = "name";
  private static final String CLUSTER_SCOPE = "";

  /** plural, then namespace ("" for cluster-scoped objects), then name, then the keys (one per API group). */
  private final Map<String, Map<String, Map<String, Set<AttributeSet>>>> byResource = new HashMap<>();
  private final Map<String, Set<AttributeSet>> byOwner = new HashMap<>();
  private final Map<AttributeSet, List<String>> ownersOf = new HashMap<>();

  void add(AttributeSet key, List<String> ownerUids) {
    var plural = single(key, PLURAL);
    var name = single(key, NAME);
    if (plural.isPresent() && name.isPresent()) {
      byResource.computeIfAbsent(plural.get(), p -> new HashMap<>())
          .computeIfAbsent(single(key, NAMESPACE).orElse(CLUSTER_SCOPE), n -> new LinkedHashMap<>())
          .computeIfAbsent(name.get(), n -> new LinkedHashSet<>()).add(key);
    }
    if (!ownerUids.isEmpty()) {
      ownersOf.put(key, ownerUids);
      ownerUids.forEach(uid -> byOwner.computeIfAbsent(uid, u -> new LinkedHashSet<>()).add(key));
    }
  }

  void remove(AttributeSet key) {
    var plural = single(key, PLURAL);
    var name = single(key, NAME);
    if (plural.isPresent() && name.isPresent()) {
      var namespaces = byResource.get(plural.get());
      var names = namespaces == null ? null : namespaces.get(single(key, NAMESPACE).orElse(CLUSTER_SCOPE));
      var keys = names == null ? null : names.get(name.get());
      if (keys != null && keys.remove(key) && keys.isEmpty()) {
        names.remove(name.get());
      }
    }
    var owners = ownersOf.remove(key);
    if (owners != null) {
      for (var uid : owners) {
        var dependents = byOwner.get(uid);
        if (dependents != null && dependents.remove(key) && dependents.isEmpty()) {
          byOwner.remove(uid);
        }
      }
    }
  }

  /**
   * The stored keys that may match {@code query}: those of its resource, and of its namespace and
   * name when it names them; empty when the query names no resource (the caller then looks at
   * everything).
   */
  Optional<Collection<AttributeSet>> candidates(AttributeSet query) {
    var plural = single(query, PLURAL);
    if (plural.isEmpty()) {
      return Optional.empty();
    }
    var namespaces = byResource.getOrDefault(plural.get(), Map.of());
    var namespace = single(query, NAMESPACE);
    var name = single(query, NAME);
    var all = new ArrayList<AttributeSet>();
    for (var names : namespace.isPresent() ? List.of(namespaces.getOrDefault(namespace.get(), Map.of()))
        : namespaces.values()) {
      if (name.isPresent()) {
        all.addAll(names.getOrDefault(name.get(), Set.of()));
      } else {
        names.values().forEach(all::addAll);
      }
    }
    return Optional.of(all);
  }

  /** The keys of the objects that name {@code uid} among their owners. */
  Set<AttributeSet> dependentsOf(String uid) {
    return byOwner.getOrDefault(uid, Set.of());
  }

  /** A query's name, when it asks for one object. */
  static Optional<String> name(AttributeSet query) {
    return single(query, NAME);
  }

  /** The one value of an equality attribute, as the path or the object gave it. */
  private static Optional<String> single(AttributeSet set, String key) {
    Attribute attribute = set.getAttribute(key);
    if (attribute == null || attribute.getType() != AttributeType.WITH || attribute.getValues().size() != 1) {
      return Optional.empty();
    }
    return Optional.of(attribute.getValues().get(0).toString());
  }
}
