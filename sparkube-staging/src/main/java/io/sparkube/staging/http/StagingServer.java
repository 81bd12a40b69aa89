package io.sparkube.staging.http;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.staging.cleaner.Cleaner;
import io.sparkube.staging.config.StagingKeys;
import io.sparkube.staging.config.StagingSettings;
import io.sparkube.staging.jobs.JobWatch;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The staging server: the store, the service, the cleaner and, when asked, the job watch, behind a
 * thin Vert.x HTTP layer.
 */
public final class StagingServer implements AutoCloseable {
  private final Vertx vertx;
  private final HttpServer http;
  private final ExecutorService io;
  private final StagingService service;
  private final Cleaner cleaner;
  private final BaseUris uris;
  private final Optional<JobWatch> jobWatch;
  private final Optional<KubernetesClient> ownedClient;

  private StagingServer(Vertx vertx, HttpServer http, ExecutorService io, StagingService service, Cleaner cleaner,
      BaseUris uris, Optional<JobWatch> jobWatch, Optional<KubernetesClient> ownedClient) {
    this.vertx = vertx;
    this.http = http;
    this.io = io;
    this.service = service;
    this.cleaner = cleaner;
    this.uris = uris;
    this.jobWatch = jobWatch;
    this.ownedClient = ownedClient;
  }

  /**
   * Starts the server; with {@code sparkube.staging.jobs.watch} on, its job watch uses a client
   * from fabric8's default config (the pod's ServiceAccount in a cluster, else the kubeconfig).
   */
  public static StagingServer start(StagingSettings settings, Clock clock) {
    return start(settings, clock, Optional.empty());
  }

  /**
   * Reads the secrets, opens the store (dropping what a crash left), binds, and starts the cleaner
   * and, with {@code sparkube.staging.jobs.watch} on, the job watch in the background.
   *
   * @param jobsClient the client the job watch uses, which stays the caller's to close; empty to
   *     build one from fabric8's default config. Unused while the watch is off.
   */
  public static StagingServer start(StagingSettings settings, Clock clock, Optional<KubernetesClient> jobsClient) {
    var owned = defaultClient(settings, jobsClient);
    var watchClient = settings.jobs().watch() ? jobsClient.or(() -> owned) : Optional.<KubernetesClient>empty();
    try {
      return start(settings, clock, watchClient, owned);
    } catch (RuntimeException e) {
      owned.ifPresent(KubernetesClient::close);
      throw e;
    }
  }

  /** @param watchClient the job watch's client; empty while the watch is off */
  private static StagingServer start(StagingSettings settings, Clock clock, Optional<KubernetesClient> watchClient,
      Optional<KubernetesClient> owned) {
    var token = BearerToken.read(settings.tokenFile(), StagingKeys.TOKEN_FILE.key());
    var signer = new UrlSigner(SigningKey.read(settings.signingKeyFile(), StagingKeys.SIGNING_KEY_FILE.key()));
    var options = ServerTls.apply(settings.tls(), new HttpServerOptions()
        .setIdleTimeout((int) settings.idleTimeout().toMillis()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        // Vert.x reads each connection with buffers of this size: an upload then arrives in reads of up to
        // 1 MiB, not Netty's adaptive 64 KiB at most, a sixteenth of the reads and wake-ups (12% less CPU per
        // GiB on the benchmark machine; 4 MiB reads cost more again, as they no longer fit the CPU's cache).
        .setReceiveBufferSize(settings.receiveBufferBytes())
        // Body chunks of 256 KiB rather than Vert.x's 8 KiB: each is a heap copy and a hand-off, and arrays of
        // this size still fit a G1 region without being humongous.
        .setMaxChunkSize(256 * 1024)
        // No h2c upgrade on plain http: the JDK's client asks for it by default, and Vert.x's answer
        // (an upgrade, then GOAWAY) intermittently fails the request; HTTP/1.1 serves every client.
        .setHttp2ClearTextEnabled(false));
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
    var jobWatch = watchClient.map(client -> JobWatch.start(client, settings.jobs(), service, clock));
    return new StagingServer(vertx, http, io, service, cleaner, uris, jobWatch, owned);
  }

  /** Built first, so a kubeconfig that cannot be read fails the start before anything needs undoing. */
  private static Optional<KubernetesClient> defaultClient(StagingSettings settings,
      Optional<KubernetesClient> jobsClient) {
    if (!settings.jobs().watch() || jobsClient.isPresent()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new KubernetesClientBuilder().build());
    } catch (RuntimeException e) {
      throw SparkubeException.invalidConfig("cannot configure a Kubernetes client for " + StagingKeys.JOBS_WATCH.key()
          + " (" + e.getMessage() + "); fix the kubeconfig, run in a pod with a ServiceAccount token, or turn the"
          + " watch off");
    }
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

  /** The job watch; empty while {@code sparkube.staging.jobs.watch} is off. */
  public Optional<JobWatch> jobWatch() {
    return jobWatch;
  }

  /** Stops the job watch and the cleaner, stops accepting and drops open connections (abandoning their uploads). */
  @Override
  public void close() {
    jobWatch.ifPresent(JobWatch::close);
    ownedClient.ifPresent(KubernetesClient::close);
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
