package io.sparkube.jobruns.http;

import io.vertx.core.http.HttpMethod;
import java.util.Arrays;
import java.util.Optional;

/**
 * A request's operation and the ids in its path. Path segments are matched as sent, never decoded:
 * ids are lowercase letters and digits, so anything encoded fails their check.
 */
record Route(Operation operation, String virtualClusterId, String jobRunId) {
  private static final String CLUSTERS = "virtualclusters";
  private static final String RUNS = "jobruns";

  static Optional<Route> match(HttpMethod method, String rawPath) {
    var s = rawPath.split("/", -1);
    if (s.length < 2 || !s[0].isEmpty() || !s[1].equals(CLUSTERS) || Arrays.stream(s).skip(1).anyMatch(String::isEmpty)) {
      return Optional.empty();
    }
    Operation.PathShape shape;
    if (s.length == 2) {
      shape = Operation.PathShape.CLUSTERS;
    } else if (s.length == 3) {
      shape = Operation.PathShape.CLUSTER;
    } else if (s[3].equals(RUNS) && s.length <= 5) {
      shape = s.length == 4 ? Operation.PathShape.RUNS : Operation.PathShape.RUN;
    } else {
      return Optional.empty();
    }
    return Arrays.stream(Operation.values()).filter(op -> op.shape() == shape && op.method() == method).findFirst()
        .map(op -> new Route(op, s.length > 2 ? s[2] : null, s.length > 4 ? s[4] : null));
  }
}
