package io.sparkube.local.rbac;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * What a request asks to do, in the terms RBAC rules are written in: kube-apiserver's
 * RequestInfo. A resource request names a verb, API group, namespace, resource, subresource and
 * name; anything else (discovery, {@code /version}, ...) is a non-resource request for a path with
 * the lower-cased HTTP method as its verb. Absent parts are empty strings, never null.
 */
public record RequestAttributes(boolean resourceRequest, String verb, String apiGroup, String namespace,
    String resource, String subresource, String name, String path) {
  /** Path segments after {@code /namespaces/NAME} that are the namespace's own subresources. */
  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

  public RequestAttributes {
    verb = orEmpty(verb);
    apiGroup = orEmpty(apiGroup);
    namespace = orEmpty(namespace);
    resource = orEmpty(resource);
    subresource = orEmpty(subresource);
    name = orEmpty(name);
    path = orEmpty(path);
  }

  public static RequestAttributes resource(String verb, String apiGroup, String namespace, String resource,
      String subresource, String name) {
    return new RequestAttributes(true, verb, apiGroup, namespace, resource, subresource, name, "");
  }

  public static RequestAttributes nonResource(String verb, String path) {
    return new RequestAttributes(false, verb, "", "", "", "", "", path);
  }

  /**
   * The attributes of an HTTP request, derived as kube-apiserver derives them: {@code /api/v1/...}
   * and {@code /apis/GROUP/VERSION/...} are resource requests, a {@code watch/} prefix or
   * {@code watch=true} makes a watch, a GET without a name a list, a DELETE without one a
   * deletecollection, and a list or watch selecting {@code metadata.name} is for that name.
   */
  public static RequestAttributes of(String method, String path, Function<String, String> queryParam) {
    var parts = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
    var asNonResource = nonResource(method.toLowerCase(Locale.ROOT), path);
    boolean core = !parts.isEmpty() && parts.get(0).equals("api");
    boolean grouped = !parts.isEmpty() && parts.get(0).equals("apis");
    if (!(core && parts.size() >= 3) && !(grouped && parts.size() >= 4)) {
      return asNonResource;
    }
    var group = grouped ? parts.get(1) : "";
    var rest = parts.subList(grouped ? 3 : 2, parts.size());
    String verb;
    if (rest.get(0).equals("watch") || rest.get(0).equals("proxy")) {
      if (rest.size() < 2) {
        return asNonResource;
      }
      verb = rest.get(0);
      rest = rest.subList(1, rest.size());
    } else {
      verb = verbOf(method);
    }
    var namespace = "";
    if (rest.get(0).equals("namespaces")) {
      if (rest.size() > 1) {
        namespace = rest.get(1);
        if (rest.size() > 2 && !NAMESPACE_SUBRESOURCES.contains(rest.get(2))) {
          rest = rest.subList(2, rest.size());
        }
      }
    }
    var resource = rest.get(0);
    var name = rest.size() >= 2 ? rest.get(1) : "";
    var subresource = rest.size() >= 3 && !verb.equals("proxy") ? rest.get(2) : "";
    if (name.isEmpty() && verb.equals("get")) {
      verb = isTrue(queryParam.apply("watch")) ? "watch" : "list";
    }
    if (name.isEmpty() && (verb.equals("list") || verb.equals("watch"))) {
      name = selectedName(queryParam.apply("fieldSelector"));
    }
    if (name.isEmpty() && verb.equals("delete")) {
      verb = "deletecollection";
    }
    return resource(verb, group, namespace, resource, subresource, name);
  }

  /** {@code pods}, or {@code pods/log} for a subresource: what a rule's {@code resources} are matched against. */
  public String resourceAndSubresource() {
    return subresource.isEmpty() ? resource : resource + "/" + subresource;
  }

  private static String verbOf(String method) {
    return switch (method.toUpperCase(Locale.ROOT)) {
      case "POST" -> "create";
      case "GET", "HEAD" -> "get";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> "delete";
      default -> "";
    };
  }

  /** Go's strconv.ParseBool, which kube-apiserver reads {@code watch} with. */
  private static boolean isTrue(String value) {
    return value != null && List.of("1", "t", "T", "true", "TRUE", "True").contains(value);
  }

  /** The name a field selector requires exactly ({@code metadata.name=x}), or empty. */
  private static String selectedName(String fieldSelector) {
    if (fieldSelector == null) {
      return "";
    }
    for (var term : fieldSelector.split(",")) {
      for (var operator : List.of("==", "=")) {
        var prefix = "metadata.name" + operator;
        var value = term.strip().startsWith(prefix) ? term.strip().substring(prefix.length()) : null;
        if (value != null && !value.isEmpty() && !value.contains("/") && !value.equals(".") && !value.equals("..")) {
          return value;
        }
      }
    }
    return "";
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
