package io.sparkube.local.api;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.Map;

/** One object in the store with the REST path it lives at. */
record StoredObject(String path, GenericKubernetesResource resource) {

  static StoredObject of(Map.Entry<AttributeSet, String> entry) {
    var resource = Serialization.unmarshal(entry.getValue(), GenericKubernetesResource.class);
    var plural = entry.getKey().getAttribute("plural");
    return new StoredObject(path(resource, plural == null ? "" : plural.getValues().get(0).toString()), resource);
  }

  /** The item path of {@code resource}, a {@code plural} of its kind. */
  static String path(GenericKubernetesResource resource, String plural) {
    var apiVersion = resource.getApiVersion();
    var prefix = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
    var namespace = resource.getMetadata().getNamespace();
    var scope = namespace == null || namespace.isEmpty() ? "" : "/namespaces/" + namespace;
    return prefix + scope + "/" + plural + "/" + resource.getMetadata().getName();
  }

  String uid() {
    return resource.getMetadata().getUid();
  }

  String namespace() {
    return resource.getMetadata().getNamespace();
  }

  boolean isPod() {
    return "Pod".equals(resource.getKind()) && "v1".equals(resource.getApiVersion());
  }
}
