package io.sparkube.local.api;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.vertx.HttpServerRequestHandler;
import io.sparkube.local.PodLogLayout;
import io.sparkube.local.rbac.UserInfo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The transport in front of the dispatcher: plain http or TLS with the cluster's certificate,
 * access control (authentication, impersonation, RBAC) before anything else, so streams and
 * websocket watches are guarded like the rest; the access reviews, which need the caller and are
 * never stored; and the two streaming answers the dispatcher's one-response model cannot give
 * (HTTP watches, as kubectl and client-go make them, and following a pod's log). Everything else,
 * websocket watches included, goes to fabric8's request handler and our dispatcher.
 */
final class ApiHttpServer implements AutoCloseable {
  private static final String PROTOBUF = "application/vnd.kubernetes.protobuf";
  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final Dispatcher dispatcher;
  private final AccessControl access;
  private final AccessReviews reviews;
  private final PodLogs logs;
  private final HttpServerRequestHandler toDispatcher;

  /**
   * {@code ca} null for plain http; {@code access} and {@code reviews} null for an open server
   * (anyone may do anything); {@code logs} null for no pods/log.
   */
  ApiHttpServer(LocalApiDispatcher dispatcher, String host, int port, ClusterCa ca, AccessControl access,
      AccessReviews reviews, PodLogLayout logs) {
    this.dispatcher = dispatcher;
    this.access = access;
    this.reviews = reviews;
    this.logs = logs == null ? null : new PodLogs(vertx, logs, dispatcher);
    this.toDispatcher = new HttpServerRequestHandler(vertx) {
      @Override
      protected MockResponse onHttpRequest(RecordedRequest request) {
        var contentType = request.getHeader("Content-Type");
        if (contentType != null && contentType.startsWith(PROTOBUF)) {
          // kubectl 1.33 sends some built-in kinds as protobuf; say so rather than fail to parse.
          return ApiStatus.response(415, "UnsupportedMediaType", "the local cluster reads JSON and YAML bodies, not "
              + PROTOBUF + "; use kubectl create -f FILE --validate=false, or kubectl apply");
        }
        try {
          var response = ApiHttpServer.this.dispatcher.dispatch(request);
          return response != null ? response : ApiStatus.response(405, "MethodNotAllowed", "method not allowed");
        } catch (RuntimeException e) {
          // An answer, not a hung client: the request was malformed for a reason the store did not expect.
          return ApiStatus.response(400, "BadRequest", "cannot handle " + request.getMethod() + " "
              + request.getPath() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
      }
    };
    // HTTP/1.1 only: watches over websockets need it, and nothing here gains from HTTP/2.
    var options = new HttpServerOptions().setHost(host).setPort(port).setAlpnVersions(List.of())
        .setWebSocketSubProtocols(List.of("v4.channel.k8s.io", "v3.channel.k8s.io", "v2.channel.k8s.io",
            "v1.channel.k8s.io"))
        .setHandle100ContinueAutomatically(true);
    if (ca != null) {
      options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
          .setCertValue(Buffer.buffer(ca.serverCertPem())).setKeyValue(Buffer.buffer(ca.serverKeyPem())));
    }
    server = vertx.createHttpServer(options).requestHandler(this::handle);
    await(server.listen(), "cannot listen on " + host + ":" + port);
  }

  int port() {
    return server.actualPort();
  }

  private void handle(HttpServerRequest request) {
    var path = request.path();
    if (access != null && !Authenticator.isPublic(path)) {
      var method = request.method().name();
      var outcome = access.admit(method, path, request::getParam, request.headers()::getAll);
      if (outcome instanceof AccessControl.Refused refused) {
        request.response().setStatusCode(refused.code()).putHeader("Content-Type", "application/json")
            .end(refused.body());
        return;
      }
      if (AccessReviews.matches(method, path)) {
        answerReview(request, ((AccessControl.Admitted) outcome).user());
        return;
      }
    }
    if (logs != null && PodLogs.matches(path)) {
      logs.serve(request);
    } else if (HttpWatch.wanted(request)) {
      HttpWatch.serve(request, dispatcher, vertx);
    } else {
      toDispatcher.handle(request);
    }
  }

  /** fabric8's handler reads the body and writes the answer; only the dispatching is ours. */
  private void answerReview(HttpServerRequest request, UserInfo caller) {
    new HttpServerRequestHandler(vertx) {
      @Override
      protected MockResponse onHttpRequest(RecordedRequest review) {
        return reviews.answer(request.path(), review.getHeader("Content-Type"),
            review.getBody() == null ? null : review.getBody().getBytes(), caller);
      }
    }.handle(request);
  }

  @Override
  public void close() {
    await(server.close(), "cannot stop the API server");
    dispatcher.shutdown();
    await(vertx.close(), "cannot stop the API server's event loop");
  }

  private static <T> T await(Future<T> future, String failure) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(failure, e);
    } catch (Exception e) {
      throw new IllegalStateException(failure + ": " + e.getMessage(), e);
    }
  }
}
