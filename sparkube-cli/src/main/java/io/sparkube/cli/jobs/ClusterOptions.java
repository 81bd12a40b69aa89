package io.sparkube.cli.jobs;

import io.sparkube.cli.ClusterFlags;
import io.sparkube.model.config.Conf;
import io.sparkube.submit.driver.DriverKeys;
import io.sparkube.submit.SubmitEnvironment;
import io.sparkube.submit.kube.ConnectionSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which cluster and namespace a job command talks to, named as spark-submit and kubectl name them. */
public final class ClusterOptions {
  @Mixin
  ClusterFlags cluster = new ClusterFlags();

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
    return cluster.settings(environment, effectiveNamespace, conf);
  }

  public Optional<String> namespace() {
    return Optional.ofNullable(namespace);
  }
}
