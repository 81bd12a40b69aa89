package io.sparkube.jobruns.http;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.micrometer.core.instrument.MeterRegistry;
import io.sparkube.jobruns.auth.AccessKeys;
import io.sparkube.jobruns.auth.Authenticator;
import io.sparkube.jobruns.auth.BearerToken;
import io.sparkube.jobruns.auth.SigV4Verifier;
import io.sparkube.jobruns.config.JobRunsKeys;
import io.sparkube.jobruns.config.JobRunsSettings;
import io.sparkube.jobruns.service.Arns;
import io.sparkube.jobruns.service.JobRunService;
import io.sparkube.jobruns.service.JobRunStore;
import io.sparkube.jobruns.service.VirtualClusterService;
import io.sparkube.jobruns.service.VirtualClusterStore;
import io.sparkube.jobruns.validation.SubmitParameters;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.resources.VirtualCluster;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The job-runs API: Amazon EMR on EKS's emr-containers operations, served over HTTP in front of the
 * services that keep job runs as SparkApplications and virtual clusters as VirtualClusters.
 */
public final class JobRunsServer implements AutoCloseable {
  /** The SigV4 signing name of emr-containers, which every signature must be scoped to. */
  public static final String SIGNING_NAME = "emr-containers";

  private final Vertx vertx;
  private final HttpServer http;

  private JobRunsServer(Vertx vertx, HttpServer http) {
    this.vertx = vertx;
    this.http = http;
  }

  /**
   * Reads the secrets, binds, and serves until closed.
   *
   * @param client stays the caller's: closing the server does not close it
   * @param registry where the API's latency timer ({@code sparkube.api.requests}) is registered
   * @param clock the time SigV4 signatures are checked against
   */
  public static JobRunsServer start(JobRunsSettings settings, KubernetesClient client, MeterRegistry registry,
      Clock clock) {
    return start(settings, client, new VirtualClusterStore(client), registry, clock);
  }

  /**
   * As {@link #start(JobRunsSettings, KubernetesClient, MeterRegistry, Clock)}, reading virtual
   * clusters from the hosting process's informer instead of with a GET per request.
   *
   * @param virtualClusters a running informer on every VirtualCluster; it stays the caller's to stop
   */
  public static JobRunsServer start(JobRunsSettings settings, KubernetesClient client,
      SharedIndexInformer<VirtualCluster> virtualClusters, MeterRegistry registry, Clock clock) {
    return start(settings, client, new VirtualClusterStore(client, virtualClusters), registry, clock);
  }

  private static JobRunsServer start(JobRunsSettings settings, KubernetesClient client, VirtualClusterStore clusters,
      MeterRegistry registry, Clock clock) {
    var authenticator = authenticator(settings, clock);
    var arns = new Arns(settings.region(), settings.accountId());
    var jobRuns = new JobRunService(clusters, new JobRunStore(client), new SubmitParameters(clock), arns);
    var api = new Api(new VirtualClusterService(clusters, jobRuns, arns), jobRuns);
    // No class-path file resolving and no file cache: the API serves no files, and needs no .vertx directory.
    var vertx = Vertx.vertx(new VertxOptions().setFileSystemOptions(
        new FileSystemOptions().setClassPathResolvingEnabled(false).setFileCachingEnabled(false)));
    try {
      var metrics = new RequestMetrics(registry);
      var handler = new ApiHandler(vertx, authenticator, api, new Replies(vertx, metrics), metrics,
          settings.maxRequestBytes());
      // HTTP/1.1 only, as AWS endpoints answer SDKs: no h2c upgrade, which would drop the Host header SigV4 signs.
      var options = ServerTls.apply(settings.tls(), new HttpServerOptions().setHttp2ClearTextEnabled(false));
      var http = vertx.createHttpServer(options)
          .requestHandler(handler::handle);
      await(http.listen(settings.port(), settings.host()));
      return new JobRunsServer(vertx, http);
    } catch (RuntimeException e) {
      await(vertx.close());
      throw e;
    }
  }

  private static Authenticator authenticator(JobRunsSettings settings, Clock clock) {
    var token = settings.tokenFile().map(file -> BearerToken.read(file, JobRunsKeys.TOKEN_FILE.key()));
    var sigV4 = settings.accessKeysFile().map(file -> new SigV4Verifier(SIGNING_NAME,
        AccessKeys.read(file, JobRunsKeys.ACCESS_KEYS_FILE.key(), settings.accountId()), clock));
    return new Authenticator(token, settings.principal(), sigV4);
  }

  public int port() {
    return http.actualPort();
  }

  /** Stops accepting, drops open connections and stops Vert.x; the Kubernetes client stays open. */
  @Override
  public void close() {
    try {
      await(http.close());
    } finally {
      await(vertx.close());
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof SparkubeException known ? known : SparkubeException.invalidConfig(
          "the job-runs API cannot start: " + e.getCause().getMessage() + "; check " + JobRunsKeys.HOST.key() + ", "
              + JobRunsKeys.PORT.key() + " and the TLS settings");
    } catch (TimeoutException e) {
      throw new IllegalStateException("Vert.x did not answer within 30s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Vert.x", e);
    }
  }
}
