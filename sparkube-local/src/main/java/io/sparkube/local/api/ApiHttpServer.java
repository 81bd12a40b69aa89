package io.sparkube.local.api;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.vertx.HttpServerRequestHandler;
import io.sparkube.local.PodLogLayout;
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
 * authentication, and the two streaming answers the dispatcher's one-response model cannot give
 * (HTTP watches, as kubectl and client-go make them, and following a pod's log). Everything else,
 * websocket watches included, goes to fabric8's request handler and our dispatcher.
 */
final class ApiHttpServer implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final Dispatcher dispatcher;
  private final Authenticator authenticator;
  private final PodLogs logs;
  private final HttpServerRequestHandler toDispatcher;

  /** {@code ca} null for plain http; {@code authenticator} null for an open server; {@code logs} null for no pods/log. */
  ApiHttpServer(LocalApiDispatcher dispatcher, String host, int port, ClusterCa ca, Authenticator authenticator,
      PodLogLayout logs) {
    this.dispatcher = dispatcher;
    this.authenticator = authenticator;
    this.logs = logs == null ? null : new PodLogs(vertx, logs, dispatcher);
    this.toDispatcher = new HttpServerRequestHandler(vertx) {
      @Override
      protected MockResponse onHttpRequest(RecordedRequest request) {
        var response = ApiHttpServer.this.dispatcher.dispatch(request);
        return response != null ? response : ApiStatus.response(405, "MethodNotAllowed", "method not allowed");
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
    if (authenticator != null && !Authenticator.isPublic(path)
        && authenticator.authenticate(request.getHeader("Authorization")).isEmpty()) {
      request.response().setStatusCode(401).putHeader("Content-Type", "application/json")
          .end(ApiStatus.json(401, "Unauthorized", "Unauthorized"));
      return;
    }
    if (logs != null && PodLogs.matches(path)) {
      logs.serve(request);
    } else if (HttpWatch.wanted(request)) {
      HttpWatch.serve(request, dispatcher, vertx);
    } else {
      toDispatcher.handle(request);
    }
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
