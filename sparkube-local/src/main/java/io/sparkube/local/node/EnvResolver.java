package io.sparkube.local.node;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A container's environment as a kubelet computes it: envFrom first, then env in order, each
 * value expanded against the variables defined before it.
 */
final class EnvResolver {
  private final ClusterObjects objects;

  EnvResolver(ClusterObjects objects) {
    this.objects = objects;
  }

  Map<String, String> resolve(Pod pod, Container container, String podIp) {
    var env = new LinkedHashMap<String, String>();
    var ns = pod.getMetadata().getNamespace();
    for (var from : container.getEnvFrom()) {
      addAll(env, from, ns);
    }
    for (var var : container.getEnv()) {
      var value = value(pod, container, var, podIp);
      if (value != null && var.getValueFrom() == null) {
        value = VarExpansion.expand(value, env);
      }
      if (value != null) {
        env.put(var.getName(), value);
      }
    }
    return env;
  }

  private void addAll(Map<String, String> env, EnvFromSource from, String ns) {
    var prefix = from.getPrefix() == null ? "" : from.getPrefix();
    if (from.getConfigMapRef() != null) {
      var ref = from.getConfigMapRef();
      var map = objects.configMap(ns, ref.getName());
      if (map.isEmpty() && !Boolean.TRUE.equals(ref.getOptional())) {
        objects.requireConfigMap(ns, ref.getName());
      }
      map.ifPresent(cm -> cm.getData().forEach((k, v) -> env.put(prefix + k, v)));
    }
    if (from.getSecretRef() != null) {
      var ref = from.getSecretRef();
      var secret = objects.secret(ns, ref.getName());
      if (secret.isEmpty() && !Boolean.TRUE.equals(ref.getOptional())) {
        objects.requireSecret(ns, ref.getName());
      }
      secret.ifPresent(s -> s.getData().forEach((k, v) -> env.put(prefix + k, decode(v))));
    }
  }

  /** Null when an optional reference is absent: the variable is then not defined at all. */
  private String value(Pod pod, Container container, EnvVar var, String podIp) {
    var source = var.getValueFrom();
    if (source == null) {
      return var.getValue() == null ? "" : var.getValue();
    }
    var ns = pod.getMetadata().getNamespace();
    if (source.getFieldRef() != null) {
      return PodFields.field(pod, source.getFieldRef().getFieldPath(), podIp);
    }
    if (source.getResourceFieldRef() != null) {
      var ref = source.getResourceFieldRef();
      return PodFields.resource(container, ref.getResource(), ref.getDivisor());
    }
    if (source.getConfigMapKeyRef() != null) {
      var ref = source.getConfigMapKeyRef();
      var optional = Boolean.TRUE.equals(ref.getOptional());
      var map = optional ? objects.configMap(ns, ref.getName()).orElse(null) : objects.requireConfigMap(ns, ref.getName());
      var value = map == null || map.getData() == null ? null : map.getData().get(ref.getKey());
      if (value == null && !optional) {
        throw new MissingReferenceException("couldn't find key " + ref.getKey() + " in ConfigMap " + ns + "/" + ref.getName());
      }
      return value;
    }
    if (source.getSecretKeyRef() != null) {
      var ref = source.getSecretKeyRef();
      var optional = Boolean.TRUE.equals(ref.getOptional());
      var secret = optional ? objects.secret(ns, ref.getName()).orElse(null) : objects.requireSecret(ns, ref.getName());
      var value = secret == null || secret.getData() == null ? null : secret.getData().get(ref.getKey());
      if (value == null && !optional) {
        throw new MissingReferenceException("couldn't find key " + ref.getKey() + " in Secret " + ns + "/" + ref.getName());
      }
      return value == null ? null : decode(value);
    }
    return "";
  }

  static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
