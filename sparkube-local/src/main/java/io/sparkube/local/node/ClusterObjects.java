package io.sparkube.local.node;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Optional;

/** The ConfigMaps and Secrets a pod may reference, as the node currently sees them. */
interface ClusterObjects {
  Optional<ConfigMap> configMap(String namespace, String name);

  Optional<Secret> secret(String namespace, String name);

  /** The object exists, but the pod waits for it anyway: e.g. a key it names is absent. */
  default ConfigMap requireConfigMap(String namespace, String name) {
    return configMap(namespace, name).orElseThrow(
        () -> new MissingReferenceException("configmap \"" + name + "\" not found"));
  }

  default Secret requireSecret(String namespace, String name) {
    return secret(namespace, name).orElseThrow(
        () -> new MissingReferenceException("secret \"" + name + "\" not found"));
  }
}
