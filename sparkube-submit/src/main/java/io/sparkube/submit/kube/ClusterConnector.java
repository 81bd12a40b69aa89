package io.sparkube.submit.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a fabric8 client from {@link ConnectionSettings} without calling the API server. */
public final class ClusterConnector {
  private static final String DEFAULT_NAMESPACE = "default";
  // Spark lowers fabric8's retry limit to 3 so an unreachable server fails in about a second.
  private static final int RETRY_BACKOFF_LIMIT = 3;

  private ClusterConnector() {}

  public static KubernetesClient connect(ConnectionSettings settings) {
    return connect(config(settings), new KubernetesSerialization());
  }

  /**
   * A client for a configuration already read with {@link #config}, using {@code serialization}
   * so a caller can warm it up while the client is built.
   */
  public static KubernetesClient connect(Config config, KubernetesSerialization serialization) {
    var builder = new KubernetesClientBuilder().withConfig(config).withKubernetesSerialization(serialization);
    if (PlainHttpClientFactory.suits(config)) {
      builder.withHttpClientFactory(new PlainHttpClientFactory());
    }
    return builder.build();
  }

  /**
   * The client configuration for {@code settings}. Reading it loads the kubeconfig and runs any
   * exec credential plugin, so read it once and pass it to {@link #connect(Config, KubernetesSerialization)}.
   */
  public static Config config(ConnectionSettings settings) {
    var builder = new ConfigBuilder(base(settings))
        .withRequestTimeout((int) settings.requestTimeout().toMillis())
        .withConnectionTimeout((int) settings.connectionTimeout().toMillis())
        .withRequestRetryBackoffLimit(RETRY_BACKOFF_LIMIT);
    settings.masterUrl().ifPresent(builder::withMasterUrl);
    settings.namespace().ifPresent(builder::withNamespace);
    if (settings.trustCertificates()) {
      builder.withTrustCerts(true);
    }
    var auth = settings.auth();
    auth.caCertFile().ifPresent(file -> builder.withCaCertFile(file).withCaCertData(null));
    auth.clientCertFile().ifPresent(file -> builder.withClientCertFile(file).withClientCertData(null));
    auth.clientKeyFile().ifPresent(file -> builder.withClientKeyFile(file).withClientKeyData(null));
    auth.oauthToken().ifPresent(token -> builder.withOauthToken(token).withOauthTokenProvider(null));
    auth.oauthTokenFile().ifPresent(file -> builder.withOauthToken(null)
        .withOauthTokenProvider(tokenFrom(Path.of(file), SubmissionAuthKeys.OAUTH_TOKEN_FILE.key())));
    var config = builder.build();
    if (config.getNamespace() == null || config.getNamespace().isEmpty()) {
      config.setNamespace(DEFAULT_NAMESPACE);
    }
    return config;
  }

  /** The kubeconfig when there is one, else the pod's service account, else nothing. */
  private static Config base(ConnectionSettings settings) {
    if (settings.kubeconfig().isPresent()) {
      return fromKubeconfig(settings);
    }
    var inCluster = settings.inCluster();
    if (inCluster.hasToken()) {
      var master = settings.masterUrl().or(inCluster::masterUrl).orElseThrow(() -> noCluster());
      var builder = new ConfigBuilder(Config.empty()).withMasterUrl(master)
          .withOauthTokenProvider(tokenFrom(inCluster.tokenFile(), "the service account token"));
      if (Files.isRegularFile(inCluster.caCertFile())) {
        builder.withCaCertFile(inCluster.caCertFile().toString());
      }
      inCluster.namespace().ifPresent(builder::withNamespace);
      return builder.build();
    }
    if (settings.masterUrl().isEmpty()) {
      throw noCluster();
    }
    return Config.empty();
  }

  private static Config fromKubeconfig(ConnectionSettings settings) {
    var file = settings.kubeconfig().orElseThrow();
    try {
      var config = Config.fromKubeconfig(settings.context().orElse(null), file.toFile());
      settings.context().ifPresent(context -> {
        if (config.getCurrentContext() == null || !context.equals(config.getCurrentContext().getName())) {
          throw SparkubeException.invalidConfig("context " + context + " is not in kubeconfig " + file
              + "; pick one from kubectl config get-contexts");
        }
      });
      return config;
    } catch (KubernetesClientException e) {
      throw SparkubeException.invalidConfig("kubeconfig " + file + " cannot be read ("
          + ApiFailures.oneLine(e.getMessage()) + "); fix it or pass another with --kubeconfig");
    }
  }

  /** Re-read on every request so a rotated token (projected service account tokens) is picked up. */
  private static OAuthTokenProvider tokenFrom(Path file, String what) {
    return () -> {
      try {
        return Files.readString(file).trim();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + what + " from " + file, e);
      }
    };
  }

  private static SparkubeException noCluster() {
    return new SparkubeException(Failure.UNKNOWN_MASTER, "no Kubernetes cluster is configured; pass "
        + "--master k8s://https://<host>:<port>, --kubeconfig, or set KUBECONFIG");
  }
}
