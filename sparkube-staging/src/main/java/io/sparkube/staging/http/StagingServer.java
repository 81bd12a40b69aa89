package io.sparkube.staging.http;

import io.sparkube.model.error.SparkubeException;
import io.sparkube.staging.cleaner.Cleaner;
import io.sparkube.staging.config.StagingKeys;
import io.sparkube.staging.config.StagingSettings;
import io.sparkube.staging.service.BaseUris;
import io.sparkube.staging.service.StagingService;
import io.sparkube.staging.signing.SigningKey;
import io.sparkube.staging.signing.UrlSigner;
import io.sparkube.staging.store.BlobStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The staging server: the store, the service and the cleaner, behind a thin Vert.x HTTP layer. */
public final class StagingServer implements AutoCloseable {
  private final Vertx vertx;
  private final HttpServer http;
  private final ExecutorService io;
  private final StagingService service;
  private final Cleaner cleaner;
  private final BaseUris uris;

  private StagingServer(Vertx vertx, HttpServer http, ExecutorService io, StagingService service, Cleaner cleaner,
      BaseUris uris) {
    this.vertx = vertx;
    this.http = http;
    this.io = io;
    this.service = service;
    this.cleaner = cleaner;
    this.uris = uris;
  }

  /** Reads the secrets, opens the store (dropping what a crash left), binds, and starts the cleaner. */
  public static StagingServer start(StagingSettings settings, Clock clock) {
    var token = BearerToken.read(settings.tokenFile(), StagingKeys.TOKEN_FILE.key());
    var signer = new UrlSigner(SigningKey.read(settings.signingKeyFile(), StagingKeys.SIGNING_KEY_FILE.key()));
    // Body chunks of 64 KiB rather than Vert.x's 8 KiB: an upload then costs an eighth of the hand-offs.
    var options = ServerTls.apply(settings.tls(), new HttpServerOptions()
        .setIdleTimeout((int) settings.idleTimeout().toMillis()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        .setMaxChunkSize(64 * 1024));
    var store = BlobStore.open(settings.dir().toAbsolutePath(), settings.maxBlobBytes(), settings.maxStoreBytes(),
        clock);
    // Blobs are files at absolute paths: no class-path lookups for them, and no .vertx cache directory.
    var vertx = Vertx.vertx(new VertxOptions().setFileSystemOptions(
        new FileSystemOptions().setClassPathResolvingEnabled(false).setFileCachingEnabled(false)));
    // The routes need the bound port (for the default base URI), so they are set just after binding;
    // a request in that instant gets a 503 rather than a half-built server.
    var routes = new AtomicReference<Routes>();
    var http = vertx.createHttpServer(options).requestHandler(request -> {
      var current = routes.get();
      if (current == null) {
        request.response().setStatusCode(503).end();
      } else {
        current.handle(request);
      }
    });
    try {
      await(http.listen(settings.port(), settings.host()));
    } catch (RuntimeException e) {
      await(vertx.close());
      throw e;
    }
    var uris = baseUris(settings, http.actualPort());
    var service = new StagingService(store, signer, uris, settings.urlTtl(), clock);
    var io = Executors.newCachedThreadPool(daemonThreads());
    var responses = new Responses(vertx);
    routes.set(new Routes(token, new BlobHandlers(vertx, io, service, responses, settings.maxBlobBytes()),
        new JobHandlers(vertx, service, responses), new FileHandler(service, responses), responses));
    var cleaner = new Cleaner(store, settings.retention(), clock).start(settings.cleanInterval());
    return new StagingServer(vertx, http, io, service, cleaner, uris);
  }

  public int port() {
    return http.actualPort();
  }

  public BaseUris baseUris() {
    return uris;
  }

  public StagingService service() {
    return service;
  }

  public Cleaner cleaner() {
    return cleaner;
  }

  /** Stops accepting, drops open connections (abandoning their uploads) and stops the cleaner. */
  @Override
  public void close() {
    cleaner.close();
    try {
      await(http.close());
    } finally {
      await(vertx.close());
      io.shutdown();
      try {
        io.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Unset URIs default to the bound address; a wildcard address to this machine's name. */
  private static BaseUris baseUris(StagingSettings settings, int port) {
    var external = settings.externalUri().orElseGet(() -> {
      var host = Set.of("0.0.0.0", "::", "[::]").contains(settings.host())
          ? localHostName() : settings.host();
      if (host.contains(":") && !host.startsWith("[")) {
        host = "[" + host + "]";
      }
      return URI.create(settings.tls().scheme() + "://" + host + ":" + port);
    });
    return new BaseUris(external, settings.internalUri().orElse(external));
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  private static ThreadFactory daemonThreads() {
    var count = new AtomicInteger();
    return r -> {
      var thread = new Thread(r, "staging-io-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      var cause = e.getCause();
      if (cause instanceof SparkubeException sparkube) {
        throw sparkube;
      }
      throw SparkubeException.invalidConfig("the staging server cannot start: " + cause.getMessage()
          + "; check " + StagingKeys.HOST.key() + ", " + StagingKeys.PORT.key() + " and the TLS settings");
    } catch (TimeoutException e) {
      throw new IllegalStateException("Vert.x did not answer within 30s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Vert.x", e);
    }
  }
}
