package io.sparkube.local.api;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sparkube.local.PodLogLayout;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * {@code GET .../pods/{name}/log}: the container's log file as the node wrote it (see
 * {@link PodLogLayout}). {@code container} defaults to the pod's first container; {@code tailLines}
 * is honoured; {@code timestamps}, {@code previous} and {@code limitBytes} are accepted and ignored.
 * {@code follow=true} streams what the node appends until the container's exit file appears and
 * the log is drained, or the client goes away.
 */
final class PodLogs {
  private static final Pattern LOG_PATH = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/log");

  private final Vertx vertx;
  private final PodLogLayout layout;
  private final LocalApiDispatcher dispatcher;

  PodLogs(Vertx vertx, PodLogLayout layout, LocalApiDispatcher dispatcher) {
    this.vertx = vertx;
    this.layout = layout;
    this.dispatcher = dispatcher;
  }

  static boolean matches(String path) {
    return LOG_PATH.matcher(path).matches();
  }

  void serve(HttpServerRequest request) {
    var matcher = LOG_PATH.matcher(request.path());
    matcher.matches();
    String namespace = matcher.group(1);
    String name = matcher.group(2);
    var found = dispatcher.handleGet("/api/v1/namespaces/" + namespace + "/pods/" + name);
    if (found.code() != 200) {
      fail(request, 404, "NotFound", "pods \"" + name + "\" not found");
      return;
    }
    var pod = Serialization.unmarshal(found.getBody().readUtf8(), Pod.class);
    var containers = pod.getSpec().getContainers();
    var container = request.getParam("container", containers.isEmpty() ? "" : containers.get(0).getName());
    if (containers.stream().map(Container::getName).noneMatch(container::equals)) {
      fail(request, 400, "BadRequest", "container " + container + " is not valid for pod " + name);
      return;
    }
    var log = layout.logFile(namespace, name, container);
    if (!Files.exists(log)) {
      fail(request, 400, "BadRequest",
          "container \"" + container + "\" in pod \"" + name + "\" is waiting to start: ContainerCreating");
      return;
    }
    try {
      var start = tailStart(log, request.getParam("tailLines"));
      if ("true".equals(request.getParam("follow"))) {
        new LogFollower(vertx, log, layout.exitFile(namespace, name, container), start, request.response()).start();
      } else {
        var bytes = Files.readAllBytes(log);
        request.response().putHeader("Content-Type", "text/plain")
            .end(Buffer.buffer(bytes).slice((int) Math.min(start, bytes.length), bytes.length));
      }
    } catch (IOException e) {
      fail(request, 500, "InternalError", "cannot read the log of " + name + "/" + container + ": " + e.getMessage());
    }
  }

  /** Where the last {@code tailLines} lines begin; 0 for the whole log. */
  private static long tailStart(Path log, String tailLines) throws IOException {
    if (tailLines == null || !tailLines.matches("\\d{1,9}")) {
      return 0;
    }
    var bytes = Files.readAllBytes(log);
    int lines = Integer.parseInt(tailLines);
    int end = bytes.length > 0 && bytes[bytes.length - 1] == '\n' ? bytes.length - 1 : bytes.length;
    for (int i = end - 1; i >= 0; i--) {
      if (bytes[i] == '\n' && --lines == 0) {
        return i + 1;
      }
    }
    return lines == 0 ? end : 0;
  }

  private static void fail(HttpServerRequest request, int code, String reason, String message) {
    request.response().setStatusCode(code).putHeader("Content-Type", "application/json")
        .end(ApiStatus.json(code, reason, message));
  }
}
