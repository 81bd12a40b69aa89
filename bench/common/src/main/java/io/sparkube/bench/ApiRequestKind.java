package io.sparkube.bench;

/**
 * A Kubernetes API request's kind, as a benchmark counts them: the verb and the resource, e.g.
 * {@code POST pods}, {@code GET serviceaccounts}, {@code LIST pods}, {@code WATCH pods} or
 * {@code PATCH sparkapplications/status}; names and namespaces are left out.
 */
public final class ApiRequestKind {
  private ApiRequestKind() {}

  public static String of(String method, String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    var path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    var query = q < 0 ? "" : pathAndQuery.substring(q + 1);
    var segments = path.split("/");
    // /api/v1/... or /apis/<group>/<version>/...; anything else (discovery, /version) by its path.
    int first = segments.length > 1 && segments[1].equals("api") ? 3
        : segments.length > 1 && segments[1].equals("apis") ? 4 : -1;
    if (first < 0 || segments.length <= first) {
      return method + " " + path;
    }
    int resource = first;
    if (segments[first].equals("namespaces") && segments.length > first + 2) {
      resource = first + 2;
    }
    boolean named = segments.length > resource + 1;
    var sub = segments.length > resource + 2 ? "/" + segments[resource + 2] : "";
    var verb = method;
    if (method.equals("GET") && !named) {
      verb = query.contains("watch=true") || query.contains("watch=1") ? "WATCH" : "LIST";
    }
    return verb + " " + segments[resource] + sub;
  }
}
