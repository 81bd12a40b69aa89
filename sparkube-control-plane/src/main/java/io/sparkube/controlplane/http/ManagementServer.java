package io.sparkube.controlplane.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code /metrics} (Prometheus text), {@code /healthz} (the process answers) and {@code /readyz}
 * (the operator and the API serve), on a port of their own so that scraping needs no API token.
 */
public final class ManagementServer implements AutoCloseable {
  private final Vertx vertx;
  private final HttpServer http;

  private ManagementServer(Vertx vertx, HttpServer http) {
    this.vertx = vertx;
    this.http = http;
  }

  public static ManagementServer start(String host, int port, Supplier<String> metrics, BooleanSupplier ready) {
    var vertx = Vertx.vertx();
    var http = vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false)).requestHandler(request -> {
      var response = request.response();
      switch (request.path()) {
        case "/metrics" -> vertx.executeBlocking(metrics::get, false).onComplete(text -> response
            .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
            .end(text.succeeded() ? text.result() : "# scrape failed: " + text.cause()));
        case "/healthz" -> response.end("ok\n");
        case "/readyz" -> {
          boolean isReady = ready.getAsBoolean();
          response.setStatusCode(isReady ? 200 : 503).end(isReady ? "ready\n" : "starting\n");
        }
        default -> response.setStatusCode(404).end("not found; try /metrics, /healthz or /readyz\n");
      }
    });
    try {
      http.listen(port, host).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("cannot serve /metrics on " + host + ":" + port + ": " + e.getMessage()
          + "; pick another sparkube.controlPlane.managementPort", e);
    }
    return new ManagementServer(vertx, http);
  }

  public int port() {
    return http.actualPort();
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }
}
