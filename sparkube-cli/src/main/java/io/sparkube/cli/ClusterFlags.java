package io.sparkube.cli;

import io.sparkube.local.cluster.ClusterHome;
import io.sparkube.model.config.Conf;
import io.sparkube.submit.SubmitEnvironment;
import io.sparkube.submit.kube.ConnectionSettings;
import java.nio.file.Files;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which cluster a command talks to, named as spark-submit and kubectl name it. */
public final class ClusterFlags {
  @Option(names = "--master", paramLabel = "k8s://URL",
      description = "API server, as spark-submit's --master; default: the kubeconfig's server")
  String master;

  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "kubeconfig file; default: KUBECONFIG or ~/.kube/config")
  String kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "kubeconfig context; default: the current one")
  String context;

  /**
   * Where submit would have used the local cluster (nothing names a cluster), so do these commands,
   * through its kubeconfig if it exists; they never start it.
   */
  public ConnectionSettings settings(SubmitEnvironment environment, String namespace, Conf conf) {
    var settings = ConnectionSettings.of(Optional.ofNullable(master), Optional.ofNullable(kubeconfig),
        Optional.ofNullable(context), Optional.of(namespace), conf, environment);
    var local = ClusterHome.of(environment.variables()).kubeconfig();
    if (!settings.hasCluster() && Files.isRegularFile(local)) {
      settings = ConnectionSettings.of(Optional.empty(), Optional.of(local.toString()), Optional.ofNullable(context),
          Optional.of(namespace), conf, environment);
    }
    return settings;
  }
}
