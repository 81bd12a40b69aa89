package io.sparkube.local.node;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The downward API: pod fields and container resources as env values or volume files. */
final class PodFields {
  private static final Pattern MAP_ENTRY = Pattern.compile("metadata\\.(labels|annotations)\\['(.+)'\\]");

  private PodFields() {}

  static String field(Pod pod, String path, String podIp) {
    var meta = pod.getMetadata();
    var entry = MAP_ENTRY.matcher(path);
    if (entry.matches()) {
      Map<String, String> map = entry.group(1).equals("labels") ? meta.getLabels() : meta.getAnnotations();
      return map == null ? "" : map.getOrDefault(entry.group(2), "");
    }
    return switch (path) {
      case "metadata.name" -> meta.getName();
      case "metadata.namespace" -> meta.getNamespace();
      case "metadata.uid" -> nullToEmpty(meta.getUid());
      case "metadata.labels" -> render(meta.getLabels());
      case "metadata.annotations" -> render(meta.getAnnotations());
      case "spec.nodeName" -> nullToEmpty(pod.getSpec().getNodeName());
      case "spec.serviceAccountName" -> Optional.ofNullable(pod.getSpec().getServiceAccountName()).orElse("default");
      case "status.podIP", "status.podIPs" -> podIp;
      case "status.hostIP", "status.hostIPs" -> "127.0.0.1";
      default -> throw new ContainerConfigException("CreateContainerConfigError", "unsupported fieldRef fieldPath " + path);
    };
  }

  /** {@code limits.memory} in bytes or {@code limits.cpu} in whole cores, divided by divisor. */
  static String resource(Container container, String resource, Quantity divisor) {
    var limits = container.getResources() == null ? null : container.getResources().getLimits();
    var requests = container.getResources() == null ? null : container.getResources().getRequests();
    var kind = resource.substring(resource.indexOf('.') + 1);
    var source = resource.startsWith("requests.") ? requests : limits;
    BigDecimal amount = source != null && source.get(kind) != null
        ? Quantity.getAmountInBytes(source.get(kind))
        // Without a limit a kubelet reports the node's allocatable amount.
        : kind.equals("cpu") ? BigDecimal.valueOf(Runtime.getRuntime().availableProcessors())
        : BigDecimal.valueOf(Runtime.getRuntime().maxMemory());
    var by = divisor == null ? BigDecimal.ONE : Quantity.getAmountInBytes(divisor);
    return amount.divide(by, 0, RoundingMode.CEILING).toPlainString();
  }

  private static String render(Map<String, String> map) {
    var out = new StringBuilder();
    if (map != null) {
      map.entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> out.append(e.getKey()).append("=\"").append(e.getValue()).append("\"\n"));
    }
    return out.toString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
