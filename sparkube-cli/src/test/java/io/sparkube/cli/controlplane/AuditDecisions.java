package io.sparkube.cli.controlplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The local cluster's authorization decisions about one user, from its audit log, as
 * "verb apiGroup resource[/subresource][ in namespace]" (the core group as "core"; no namespace for a
 * cluster-scoped object or a request across all namespaces).
 */
record AuditDecisions(Set<String> allowed, Set<String> denied) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static AuditDecisions read(Path file, String user) throws IOException {
    var allowed = new TreeSet<String>();
    var denied = new TreeSet<String>();
    for (var line : Files.readAllLines(file)) {
      Map<?, ?> decision = JSON.readValue(line, Map.class);
      var resource = String.valueOf(decision.get("resource"));
      if (!user.equals(decision.get("user")) || resource.isEmpty()) {
        continue;
      }
      var group = String.valueOf(decision.get("apiGroup"));
      var subresource = String.valueOf(decision.get("subresource"));
      var namespace = String.valueOf(decision.get("namespace"));
      var call = decision.get("verb") + " " + (group.isEmpty() ? "core" : group) + " " + resource
          + (subresource.isEmpty() ? "" : "/" + subresource) + (namespace.isEmpty() ? "" : " in " + namespace);
      (Boolean.TRUE.equals(decision.get("allowed")) ? allowed : denied).add(call);
    }
    return new AuditDecisions(allowed, denied);
  }
}
