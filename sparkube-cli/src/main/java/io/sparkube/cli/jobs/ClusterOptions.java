package io.sparkube.cli.jobs;

import io.sparkube.local.cluster.ClusterHome;
import io.sparkube.model.config.Conf;
import io.sparkube.submit.driver.DriverKeys;
import io.sparkube.submit.SubmitEnvironment;
import io.sparkube.submit.kube.ConnectionSettings;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which cluster and namespace a job command talks to, named as spark-submit and kubectl name them. */
public final class ClusterOptions {
  @Option(names = "--master", paramLabel = "k8s://URL",
      description = "API server, as spark-submit's --master; default: the kubeconfig's server")
  String master;

  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "kubeconfig file; default: KUBECONFIG or ~/.kube/config")
  String kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "kubeconfig context; default: the current one")
  String context;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
      description = "namespace for ids without one; default: spark.kubernetes.namespace, else default")
  String namespace;

  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "a spark.* setting, e.g. spark.kubernetes.authenticate.submission.oauthTokenFile=FILE")
  Map<String, String> conf = new LinkedHashMap<>();

  public Conf conf() {
    return Conf.of(conf);
  }

  /**
   * Ids without a namespace are looked up where submit creates drivers: spark.kubernetes.namespace,
   * else "default" (not the kubeconfig context's namespace), as spark-submit's --status does.
   */
  public ConnectionSettings settings(SubmitEnvironment environment) {
    var conf = conf();
    var effectiveNamespace = Optional.ofNullable(namespace).orElseGet(() -> conf.get(DriverKeys.NAMESPACE));
    var settings = ConnectionSettings.of(Optional.ofNullable(master), Optional.ofNullable(kubeconfig),
        Optional.ofNullable(context), Optional.of(effectiveNamespace), conf, environment);
    // Where submit would have used the local cluster, so do these; they never start it.
    var local = ClusterHome.of(environment.variables()).kubeconfig();
    if (!settings.hasCluster() && Files.isRegularFile(local)) {
      settings = ConnectionSettings.of(Optional.empty(), Optional.of(local.toString()), Optional.ofNullable(context),
          Optional.of(effectiveNamespace), conf, environment);
    }
    return settings;
  }

  public Optional<String> namespace() {
    return Optional.ofNullable(namespace);
  }
}
