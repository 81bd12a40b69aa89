package io.sparkube.staging.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkube.staging.error.Problem;
import io.sparkube.staging.error.StagingException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every response with a JSON body, and the one place a failure becomes an HTTP status and a
 * {"error": "..."} body.
 */
final class Responses {
  private static final Logger LOG = LoggerFactory.getLogger(Responses.class);
  static final ObjectMapper JSON = new ObjectMapper();
  /**
   * How long a connection answered before its request body was read keeps draining that body
   * before it closes. Closing at once would reset the connection, and a client still sending can
   * then lose the answer that says why.
   */
  private static final long LINGER_MS = 2000;

  private final Vertx vertx;

  Responses(Vertx vertx) {
    this.vertx = vertx;
  }

  void json(HttpServerRequest request, int status, Object body) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response bodies are plain records and maps", e);
    }
    var response = request.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    var bodyUnread = !request.isEnded();
    if (bodyUnread) {
      response.putHeader(HttpHeaders.CONNECTION, "close");
    }
    response.end(Buffer.buffer(bytes)).onComplete(done -> {
      if (bodyUnread) {
        lingerThenClose(request);
      }
    });
  }

  void error(HttpServerRequest request, Throwable failure) {
    var response = request.response();
    if (response.ended() || response.headWritten()) {
      // Too late for a status: the client sees the connection end early, which it must treat as failure.
      request.connection().close();
      return;
    }
    var problem = failure instanceof StagingException staging ? staging.problem() : Problem.INTERNAL;
    var message = problem == Problem.INTERNAL && !(failure instanceof StagingException)
        ? "internal error in the staging server; see its log" : failure.getMessage();
    if (problem == Problem.INTERNAL) {
      LOG.error("{} {} failed", request.method(), request.path(), failure);
    }
    if (problem == Problem.UNAUTHORIZED) {
      response.putHeader("WWW-Authenticate", "Bearer");
    }
    json(request, problem.status(), new ErrorBody(message, problem.code()));
  }

  private void lingerThenClose(HttpServerRequest request) {
    var connection = request.connection();
    long timer = vertx.setTimer(LINGER_MS, t -> connection.close());
    if (request.isEnded()) {
      vertx.cancelTimer(timer);
      connection.close();
      return;
    }
    request.handler(ignored -> { });
    request.endHandler(ended -> {
      vertx.cancelTimer(timer);
      connection.close();
    });
    request.resume();
  }

  /** What a refusal says, and which kind it is, for clients that act on the kind. */
  private record ErrorBody(String error, String problem) {
  }
}
