package io.sparkube.cli.staging;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.cli.ClusterFlags;
import io.sparkube.cli.ExitCodes;
import io.sparkube.cli.Terminal;
import io.sparkube.model.config.Conf;
import io.sparkube.model.config.DnsNames;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.driver.PlanYaml;
import io.sparkube.submit.kube.ApiCall;
import io.sparkube.submit.kube.ApiFailures;
import io.sparkube.submit.kube.ClusterConnector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sparkube staging install}: applies the staging server's objects with server-side apply,
 * so running it again changes nothing; its credentials Secret is made once and then kept.
 */
@Command(name = "install", mixinStandardHelpOptions = true,
    description = "Install the staging server in a cluster: ServiceAccount, read access to pods (to release the"
        + " files of jobs that end), Secret, PersistentVolumeClaim, Deployment and Service. Idempotent; --dry-run"
        + " prints the manifests.")
public final class InstallCommand implements Callable<Integer> {
  @Mixin
  ClusterFlags cluster = new ClusterFlags();

  @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE", defaultValue = "default",
      description = "namespace to install into; default: ${DEFAULT-VALUE}")
  String namespace;

  @Option(names = "--image", paramLabel = "IMAGE", defaultValue = "sparkube/sparkube:0.1.0",
      description = "image whose entrypoint is the sparkube command; default: ${DEFAULT-VALUE}")
  String image;

  @Option(names = "--storage", paramLabel = "SIZE", defaultValue = "50Gi",
      description = "size of the blobs' PersistentVolumeClaim; default: ${DEFAULT-VALUE}")
  String storage;

  @Option(names = "--storage-class", paramLabel = "CLASS", description = "storage class; default: the cluster's")
  String storageClass;

  @Option(names = "--external-uri", paramLabel = "URL",
      description = "how submitters reach the server from outside the cluster (Ingress, LoadBalancer)")
  String externalUri;

  @Option(names = "--tls-secret", paramLabel = "SECRET", description = "a kubernetes.io/tls Secret: serve HTTPS")
  String tlsSecret;

  @Option(names = "--job-namespaces", paramLabel = "NS[,NS]",
      description = "namespaces whose Spark driver pods the server watches, to release the files of jobs that end;"
          + " it may get, list and watch pods there (a Role in each). '*' for all namespaces (a ClusterRole)."
          + " Jobs using the server must run in one of them. Default: the install namespace")
  String jobNamespaces;

  @Option(names = "--dry-run", description = "print the manifests (the Secret's values redacted); apply nothing")
  boolean dryRun;

  private final Terminal terminal;

  InstallCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    try {
      var install = install();
      var objects = new ArrayList<HasMetadata>();
      objects.add(StagingManifests.secret(install));
      objects.addAll(StagingManifests.objects(install));
      if (dryRun) {
        // Every namespaced object names its namespace; a ClusterRole must stay without one.
        terminal.out().print(PlanYaml.render(objects, null));
        return 0;
      }
      try (KubernetesClient client = ClusterConnector.connect(
          cluster.settings(terminal.environment(), namespace, Conf.empty()))) {
        apply(client, install);
      }
      terminal.out().println("staging server installed in namespace " + namespace + "; pods reach it at "
          + install.internalUri() + "; it releases the files of jobs whose driver pods end in "
          + (install.watchesAllNamespaces() ? "any namespace" : "namespace(s) "
              + String.join(", ", install.jobNamespaces())));
      return 0;
    } catch (RuntimeException e) {
      return ExitCodes.failed(terminal.err(), e);
    } finally {
      terminal.out().flush();
      terminal.err().flush();
    }
  }

  private void apply(KubernetesClient client, StagingInstall install) {
    var secret = StagingManifests.secret(install);
    var existing = ApiFailures.call(ApiCall.of(client, "get", "secrets", namespace, StagingInstall.NAME),
        () -> client.secrets().inNamespace(namespace).withName(StagingInstall.NAME).get());
    if (existing == null) {
      ApiFailures.call(ApiCall.of(client, "create", secret, namespace),
          () -> client.resource(secret).inNamespace(namespace).create());
      terminal.err().println("created secret/" + StagingInstall.NAME + " (upload token and URL-signing key)");
    } else {
      terminal.err().println("kept secret/" + StagingInstall.NAME + " (its token and signing key stay valid)");
    }
    for (var object : StagingManifests.objects(install)) {
      // Each object's own namespace: the Roles go to the job namespaces, a ClusterRole to none.
      var objectNamespace = Optional.ofNullable(object.getMetadata().getNamespace()).orElse(namespace);
      ApiFailures.call(ApiCall.of(client, "apply", object, objectNamespace),
          () -> client.resource(object).fieldManager("sparkube").forceConflicts().serverSideApply());
      terminal.err().println("applied " + object.getKind().toLowerCase(Locale.ROOT) + "/"
          + object.getMetadata().getName() + (objectNamespace.equals(namespace) ? "" : " in " + objectNamespace));
    }
  }

  private StagingInstall install() {
    if (!DnsNames.isLabel(namespace)) {
      throw new SparkubeException(Failure.INVALID_NAME, "namespace \"" + namespace + "\" is not " + DnsNames.LABEL_RULE);
    }
    try {
      new Quantity(storage).getNumericalAmount();
    } catch (RuntimeException e) {
      throw SparkubeException.invalidConfig("--storage " + storage + " is not a Kubernetes quantity; use e.g. 50Gi");
    }
    if (externalUri != null && !externalUri.matches("https?://[^/\\s]+(/\\S*)?")) {
      throw SparkubeException.invalidConfig("--external-uri " + externalUri + " is not an http(s) URL; use e.g."
          + " https://staging.example.com");
    }
    return new StagingInstall(namespace, image, storage, Optional.ofNullable(storageClass),
        Optional.ofNullable(externalUri), Optional.ofNullable(tlsSecret), jobNamespaces());
  }

  /** The namespaces to watch: the install's own by default; empty for all ('*'). */
  private List<String> jobNamespaces() {
    if (jobNamespaces == null) {
      return List.of(namespace);
    }
    if (jobNamespaces.strip().equals("*")) {
      return List.of();
    }
    var names = Arrays.stream(jobNamespaces.split(",")).map(String::strip).distinct().toList();
    for (var name : names) {
      if (!DnsNames.isLabel(name)) {
        throw new SparkubeException(Failure.INVALID_NAME, "--job-namespaces: \"" + name + "\" is not "
            + DnsNames.LABEL_RULE + "; list namespaces as NS[,NS], or give '*' for all namespaces");
      }
    }
    return names;
  }
}
