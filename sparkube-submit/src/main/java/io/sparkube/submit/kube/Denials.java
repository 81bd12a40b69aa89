package io.sparkube.submit.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 403 replies: RBAC denials and quota rejections. The server's message names who, what and where
 * (or the quota) better than the caller can, so it is read when present.
 */
final class Denials {
  private static final Pattern DENIED = Pattern.compile(
      "User \"([^\"]*)\" cannot (\\S+) resource \"([^\"]*)\" in API group \"([^\"]*)\""
          + "(?: in the namespace \"([^\"]*)\")?");
  private static final Pattern QUOTA = Pattern.compile("exceeded quota: ([^,]+),?\\s*(.*)");

  private Denials() {}

  static SparkubeException forbidden(KubernetesClientException e, String message, ApiCall call) {
    if (message.contains("attempting to grant RBAC permissions not currently held")) {
      return new SparkubeException(Failure.FORBIDDEN, call.identity() + " may not grant the driver's Role in namespace \""
          + call.namespace() + "\" what it does not hold itself (403 Forbidden): " + message
          + "; ask for those permissions, or pass --no-rbac if the driver's ServiceAccount already has them", e);
    }
    var m = DENIED.matcher(message);
    String who = call.identity();
    String verb = call.verb();
    String resource = call.resource();
    String namespace = call.namespace();
    if (m.find()) {
      who = "user \"" + m.group(1) + "\"";
      verb = m.group(2);
      resource = m.group(4).isEmpty() ? m.group(3) : m.group(3) + "." + m.group(4);
      namespace = Optional.ofNullable(m.group(5)).orElse(namespace);
    }
    return new SparkubeException(Failure.FORBIDDEN, who + " may not " + verb + " " + resource
        + " in namespace \"" + namespace + "\" (403 Forbidden); ask for a Role granting it, check with"
        + " kubectl auth can-i " + verb + " " + resource + " -n " + namespace
        + (resource.startsWith("role") ? ", or pass --no-rbac if the driver's ServiceAccount already has access" : ""), e);
  }

  static SparkubeException quota(KubernetesClientException e, String message, ApiCall call) {
    var m = QUOTA.matcher(message);
    var found = m.find();
    var name = found ? m.group(1).trim() : "?";
    var detail = found && !m.group(2).isEmpty() ? " (" + m.group(2) + ")" : "";
    return new SparkubeException(Failure.QUOTA_EXCEEDED, "creating " + call.target() + " would exceed"
        + " resource quota \"" + name + "\" in namespace \"" + call.namespace() + "\"" + detail
        + "; request less (cores, memory, instances) or ask for a larger quota", e);
  }
}
