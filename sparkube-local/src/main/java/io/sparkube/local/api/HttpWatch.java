package io.sparkube.local.api;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A watch over a plain chunked HTTP response, one JSON event per line, as kubectl and client-go
 * make them. fabric8's CRUD dispatcher only speaks watches over websockets, so its watch listener
 * is handed this stream in place of a websocket: same events, same selectors.
 */
final class HttpWatch implements WebSocket {
  private final RecordedRequest request;
  private final HttpServerResponse response;
  private final AtomicBoolean closed = new AtomicBoolean();

  private HttpWatch(RecordedRequest request, HttpServerResponse response) {
    this.request = request;
    this.response = response;
  }

  static boolean wanted(HttpServerRequest request) {
    var watch = request.getParam("watch");
    return request.method() == io.vertx.core.http.HttpMethod.GET && ("true".equals(watch) || "1".equals(watch))
        && !"websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
  }

  static void serve(HttpServerRequest vertxRequest, Dispatcher dispatcher, Vertx vertx) {
    var request = new RecordedRequest("HTTP/1.1", HttpMethod.GET, vertxRequest.uri(),
        Headers.builder().addAll(vertxRequest.headers()).build(), new Buffer());
    var answer = dispatcher.dispatch(request);
    var response = vertxRequest.response();
    WebSocketListener listener = answer == null ? null : answer.getWebSocketListener();
    if (listener == null) {
      response.setStatusCode(answer == null ? 405 : answer.code()).putHeader("Content-Type", "application/json")
          .end(answer == null || answer.getBody() == null ? "" : answer.getBody().readUtf8());
      return;
    }
    var watch = new HttpWatch(request, response);
    response.setChunked(true).putHeader("Content-Type", "application/json").write("");
    response.closeHandler(ignored -> listener.onClosed(watch, 1000, "client closed the watch"));
    var timeout = vertxRequest.getParam("timeoutSeconds");
    if (timeout != null && timeout.matches("\\d{1,9}") && Long.parseLong(timeout) > 0) {
      // A real server ends a watch after timeoutSeconds; client-go then re-lists or re-watches.
      var timer = vertx.setTimer(Long.parseLong(timeout) * 1000, id -> listener.onClosed(watch, 1000, "timeout"));
      response.endHandler(ignored -> vertx.cancelTimer(timer));
    }
    listener.onOpen(watch, null);
  }

  @Override
  public RecordedRequest request() {
    return request;
  }

  @Override
  public boolean send(String text) {
    if (closed.get()) {
      return false;
    }
    response.write(text + "\n");
    return true;
  }

  @Override
  public boolean send(byte[] bytes) {
    return send(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public boolean close(int code, String reason) {
    if (closed.compareAndSet(false, true)) {
      response.end();
    }
    return true;
  }
}
