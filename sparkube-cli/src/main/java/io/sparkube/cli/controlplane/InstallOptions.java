package io.sparkube.cli.controlplane;

import io.sparkube.model.config.DnsNames;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** The choices that shape the control plane's manifests, shared by {@code install} and {@code manifests}. */
public final class InstallOptions {
  @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE", defaultValue = "sparkube-system",
      description = "namespace to install into (created if missing); default: ${DEFAULT-VALUE}")
  String namespace;

  @Option(names = "--image", paramLabel = "IMAGE", defaultValue = "sparkube/sparkube:0.1.0",
      description = "image whose entrypoint is the sparkube command; default: ${DEFAULT-VALUE}")
  String image;

  @Option(names = "--job-namespaces", paramLabel = "NS[,NS]", defaultValue = "*",
      description = "namespaces the control plane may create jobs in (a Role in each; they must exist), or '*' for"
          + " all (a ClusterRole); default: ${DEFAULT-VALUE}. Runs and driver pods are watched in all namespaces"
          + " either way.")
  String jobNamespaces;

  /** The install these options describe, checked before anything is printed or applied. */
  ControlPlaneInstall install() {
    if (!DnsNames.isLabel(namespace)) {
      throw invalidName("namespace \"" + namespace + "\" is not " + DnsNames.LABEL_RULE);
    }
    return new ControlPlaneInstall(namespace, image, jobNamespaceList());
  }

  /** Empty for all namespaces ('*'). */
  private List<String> jobNamespaceList() {
    if (jobNamespaces.strip().equals("*")) {
      return List.of();
    }
    var names = Arrays.stream(jobNamespaces.split(",")).map(String::strip).distinct().toList();
    for (var name : names) {
      if (!DnsNames.isLabel(name)) {
        throw invalidName("--job-namespaces: \"" + name + "\" is not " + DnsNames.LABEL_RULE
            + "; list namespaces as NS[,NS], or give '*' for all namespaces");
      }
    }
    return names;
  }

  private static SparkubeException invalidName(String message) {
    return new SparkubeException(Failure.INVALID_NAME, message);
  }
}
