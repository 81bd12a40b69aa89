package io.sparkube.local.api;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.sparkube.local.PodLogLayout;
import io.sparkube.local.rbac.AuditLog;
import io.sparkube.local.rbac.RbacAuthorizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An in-process Kubernetes API server. Two modes: {@link #start()} is a plain-http open store for
 * tests and benchmarks; {@link #startCluster} is the local cluster's API server: HTTPS with the
 * cluster CA, bearer-token authentication, RBAC authorization with an audit log, ServiceAccount
 * tokens and admission, pods/log from the node's log files, and a kubeconfig.
 */
public final class LocalApiServer implements AutoCloseable {
  private static final String[] SEEDED_NAMESPACES = {"default", "kube-system", "kube-public"};
  private static final String AUDIT_LOG = "audit.jsonl";

  private final ApiHttpServer server;
  private final LocalApiDispatcher dispatcher;
  private final String host;
  private final ClusterMode cluster;
  private final Path kubeconfig;
  private final AuditLog audit;

  private LocalApiServer(LocalApiDispatcher dispatcher, String host, int port, ClusterMode cluster,
      PodLogLayout logs, Path stateDir) {
    this.dispatcher = dispatcher;
    this.host = host;
    this.cluster = cluster;
    this.audit = cluster == null ? null : AuditLog.append(stateDir.resolve(AUDIT_LOG), cluster.clock());
    var authorizer = new RbacAuthorizer(new StoredRbac(dispatcher::json));
    var access = cluster == null ? null : new AccessControl(
        new Authenticator(cluster.keys().adminToken(), cluster.keys().tokens()), authorizer, audit);
    this.server = new ApiHttpServer(dispatcher, host, port, cluster == null ? null : cluster.keys().ca(),
        access, cluster == null ? null : new AccessReviews(authorizer), logs);
    this.kubeconfig = cluster == null ? null
        : Kubeconfig.write(stateDir.resolve("kubeconfig"), url(), cluster.keys().ca().caPem(),
            cluster.keys().adminToken());
  }

  /** Starts on an ephemeral port with the standard dispatcher. */
  public static LocalApiServer start() {
    return start(new LocalApiDispatcher(), 0);
  }

  /** Starts with a dispatcher of the caller's, e.g. one that also records or injects failures. */
  public static LocalApiServer start(LocalApiDispatcher dispatcher, int port) {
    return new LocalApiServer(dispatcher, "127.0.0.1", port, null, null, null);
  }

  /**
   * Starts the cluster's API server on {@code host:port} (port 0: ephemeral) over HTTPS. Keys, CA
   * and admin token are loaded from {@code stateDir} (generated the first time); the kubeconfig is
   * (re)written there. Namespaces {@code default}, {@code kube-system} and {@code kube-public}
   * exist from the start, each with its {@code default} ServiceAccount and {@code kube-root-ca.crt}.
   * Requests are authorized with RBAC (the admin token may do anything), and each decision about a
   * ServiceAccount is appended to {@link #auditLog()}.
   */
  public static LocalApiServer startCluster(Path stateDir, String host, int port, PodLogLayout logs) {
    var clock = Clock.systemUTC();
    var cluster = new ClusterMode(ClusterKeys.loadOrCreate(stateDir, clock), clock);
    var dispatcher = new LocalApiDispatcher(cluster, clock);
    for (var namespace : SEEDED_NAMESPACES) {
      dispatcher.create("/api/v1/namespaces",
          "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + namespace + "\"}}");
    }
    return new LocalApiServer(dispatcher, host, port, cluster, logs, stateDir);
  }

  public int port() {
    return server.port();
  }

  /** e.g. {@code http://127.0.0.1:40123}, or {@code https://127.0.0.1:443} for a cluster. */
  public String url() {
    return (cluster == null ? "http://" : "https://") + host + ":" + port();
  }

  /**
   * The cluster's audit log ({@code audit.jsonl} in its state directory): one JSON line per
   * authorization decision about anyone but the admin, appended across restarts. See {@link AuditLog}.
   */
  public Path auditLog() {
    clusterMode();
    return audit.file();
  }

  /** A client for this server: its URL, and for a cluster its CA and the admin token. */
  public KubernetesClient newClient() {
    var builder = new ConfigBuilder(Config.empty()).withMasterUrl(url()).withNamespace("default");
    if (cluster != null) {
      builder.withCaCertData(Base64.getEncoder().encodeToString(caPem().getBytes(StandardCharsets.UTF_8)))
          .withOauthToken(cluster.keys().adminToken());
    }
    return new KubernetesClientBuilder().withConfig(builder.build()).build();
  }

  /** The cluster CA certificate (PEM) that pods and clients trust. */
  public String caPem() {
    return clusterMode().keys().ca().caPem();
  }

  /** The {@code iss} of every ServiceAccount token this cluster signs. */
  public String issuer() {
    return ServiceAccountTokens.ISSUER;
  }

  /** The kubeconfig written for this cluster: server URL, CA, admin token. */
  public Path kubeconfig() {
    clusterMode();
    return kubeconfig;
  }

  /**
   * A ServiceAccount token, as TokenRequest would return, for the node to project into pods
   * without an HTTP round trip. Audiences empty means the issuer (the API server itself).
   *
   * @throws NoSuchElementException if the account does not exist
   */
  public String tokenFor(String namespace, String serviceAccount, List<String> audiences, Duration expiration) {
    var account = dispatcher.find("/api/v1/namespaces/" + namespace + "/serviceaccounts/" + serviceAccount)
        .orElseThrow(() -> new NoSuchElementException(
            "serviceaccount " + namespace + "/" + serviceAccount + " not found"));
    return clusterMode().keys().tokens().issue(new TokenClaims(namespace, serviceAccount, account.uid(), audiences,
        expiration, null, null));
  }

  private ClusterMode clusterMode() {
    if (cluster == null) {
      throw new IllegalStateException("a plain test server has no CA, tokens or kubeconfig; use startCluster");
    }
    return cluster;
  }

  @Override
  public void close() {
    server.close();
    if (audit != null) {
      audit.close();
    }
  }

  /** Runs a server in the foreground until the process is stopped; prints its URL. */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    var api = start(new LocalApiDispatcher(), port);
    System.out.println(api.url());
    Runtime.getRuntime().addShutdownHook(new Thread(api::close));
    Thread.currentThread().join();
  }
}
