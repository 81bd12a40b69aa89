package io.sparkube.jobruns.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sparkube.jobruns.error.ApiException;
import io.sparkube.jobruns.error.ErrorCode;
import io.sparkube.jobruns.wire.Json;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every answer the API sends, and the one place a failure becomes an HTTP problem in rest-json's
 * shape: the status of its code, x-amzn-ErrorType, and {"__type", "message"}. Each answer carries
 * x-amzn-RequestId and is timed.
 */
final class Replies {
  private static final Logger LOG = LoggerFactory.getLogger(Replies.class);
  /** How long a refused body may keep arriving after its answer before the connection is closed. */
  private static final long MAX_DRAIN_MS = 2000;

  /** The error body AWS clients read the code and message from. */
  record ErrorBody(@JsonProperty("__type") String type, String message) {}

  private final Vertx vertx;
  private final RequestMetrics metrics;

  Replies(Vertx vertx, RequestMetrics metrics) {
    this.vertx = vertx;
    this.metrics = metrics;
  }

  void ok(Exchange exchange, Object body) {
    send(exchange, 200, null, body);
  }

  void fail(Exchange exchange, Throwable failure) {
    var request = exchange.request();
    if (request.response().headWritten()) {
      // Too late for a status: ending the connection early tells the client the answer failed.
      metrics.record(exchange.sample(), exchange.operation(), request.response().getStatusCode());
      request.connection().close();
      return;
    }
    ErrorCode code;
    String message;
    if (failure instanceof ApiException api && api.code() != ErrorCode.INTERNAL_SERVER) {
      code = api.code();
      message = api.getMessage();
    } else {
      code = ErrorCode.INTERNAL_SERVER;
      message = failure instanceof ApiException api ? api.getMessage() + " (request " + exchange.requestId() + ")"
          : "internal error in the job-runs API; its log has the details under request " + exchange.requestId();
      LOG.error("{} {} failed (request {})", request.method(), request.path(), exchange.requestId(), failure);
    }
    send(exchange, code.status(), code.wireName(), new ErrorBody(code.wireName(), message));
  }

  private void send(Exchange exchange, int status, String errorType, Object body) {
    var request = exchange.request();
    var response = request.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader("x-amzn-RequestId", exchange.requestId());
    if (errorType != null) {
      response.putHeader("x-amzn-ErrorType", errorType);
    }
    var bodyUnread = !request.isEnded();
    if (bodyUnread) {
      // BoundedBody drains the rest and closes when it ends; a body that never ends is cut off here.
      response.putHeader(HttpHeaders.CONNECTION, "close");
      response.endHandler(sent -> vertx.setTimer(MAX_DRAIN_MS, t -> request.connection().close()));
    }
    metrics.record(exchange.sample(), exchange.operation(), status);
    response.end(Buffer.buffer(Json.write(body)));
  }
}
