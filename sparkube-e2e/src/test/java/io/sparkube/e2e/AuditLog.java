package io.sparkube.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The local cluster's authorization decisions about one user, as "verb resource[/subresource]". */
record AuditLog(Set<String> allowed, Set<String> denied) {

  static AuditLog read(Path file, String user) throws IOException {
    var json = new ObjectMapper();
    var allowed = new TreeSet<String>();
    var denied = new TreeSet<String>();
    for (var line : Files.readAllLines(file)) {
      Map<?, ?> decision = json.readValue(line, Map.class);
      var resource = String.valueOf(decision.get("resource"));
      if (!user.equals(decision.get("user")) || resource.isEmpty() || resource.equals("null")) {
        continue;
      }
      var subresource = decision.get("subresource");
      var call = decision.get("verb") + " " + resource
          + (subresource == null || subresource.toString().isEmpty() ? "" : "/" + subresource);
      (Boolean.TRUE.equals(decision.get("allowed")) ? allowed : denied).add(call);
    }
    return new AuditLog(allowed, denied);
  }
}
