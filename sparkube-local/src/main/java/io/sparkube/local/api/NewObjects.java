package io.sparkube.local.api;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a real API server fills in on every new object, where fabric8's store differs. */
final class NewObjects {
  private static final int MAX_GENERATE_NAME_PREFIX = 58;

  private NewObjects() {}

  /** {@code generateName} plus 5 random characters, as kube-apiserver names (the store would add a UUID). */
  static void nameFromGenerateName(GenericKubernetesResource object) {
    var meta = object.getMetadata();
    if (meta != null && (meta.getName() == null || meta.getName().isEmpty()) && meta.getGenerateName() != null
        && !meta.getGenerateName().isEmpty()) {
      var prefix = meta.getGenerateName();
      prefix = prefix.length() > MAX_GENERATE_NAME_PREFIX ? prefix.substring(0, MAX_GENERATE_NAME_PREFIX) : prefix;
      meta.setName(prefix + ServiceAccountAdmission.randomSuffix(5));
    }
  }

  /**
   * A status phase for an object created without one: pods start Pending (Spark's pod watchers
   * fail on a pod with no status, which a real API server never returns), namespaces Active.
   */
  static void withStatusPhase(GenericKubernetesResource object, String phase) {
    var status = object.getAdditionalProperties().get("status");
    if (!(status instanceof Map<?, ?> map) || map.get("phase") == null) {
      var initial = new LinkedHashMap<String, Object>();
      initial.put("phase", phase);
      object.getAdditionalProperties().put("status", initial);
    }
  }
}
