package io.sparkube.local.rbac;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.List;

/** Whether one RBAC rule allows a request, matched exactly as kube-apiserver's RBAC authorizer does. */
public final class PolicyRules {
  private static final String ALL = "*";

  private PolicyRules() {}

  public static boolean allows(PolicyRule rule, RequestAttributes request) {
    if (!contains(rule.getVerbs(), request.verb())) {
      return false;
    }
    if (!request.resourceRequest()) {
      return nonResourceUrlMatches(rule, request.path());
    }
    return contains(rule.getApiGroups(), request.apiGroup())
        && resourceMatches(rule, request.resourceAndSubresource(), request.subresource())
        && resourceNameMatches(rule, request.name());
  }

  /** {@code *} matches everything, subresources included; {@code *}/{@code sub} matches any resource's {@code sub}. */
  static boolean resourceMatches(PolicyRule rule, String resourceAndSubresource, String subresource) {
    for (var resource : list(rule.getResources())) {
      if (resource.equals(ALL) || resource.equals(resourceAndSubresource)
          || (!subresource.isEmpty() && resource.equals("*/" + subresource))) {
        return true;
      }
    }
    return false;
  }

  /**
   * No resourceNames: any name, and requests without one. Otherwise only a request for one of
   * those names: so never a create or deletecollection, and a list or watch only when its field
   * selector asks for {@code metadata.name} (as the Kubernetes docs warn).
   */
  static boolean resourceNameMatches(PolicyRule rule, String name) {
    var names = list(rule.getResourceNames());
    return names.isEmpty() || names.contains(name);
  }

  /** Exact, {@code *}, or a prefix ending in {@code *} such as {@code /apis/*}. */
  static boolean nonResourceUrlMatches(PolicyRule rule, String path) {
    for (var url : list(rule.getNonResourceURLs())) {
      if (url.equals(ALL) || url.equals(path)
          || (url.endsWith(ALL) && path.startsWith(url.substring(0, url.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(List<String> values, String wanted) {
    for (var value : list(values)) {
      if (value.equals(ALL) || value.equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> list(List<String> values) {
    return values == null ? List.of() : values;
  }
}
