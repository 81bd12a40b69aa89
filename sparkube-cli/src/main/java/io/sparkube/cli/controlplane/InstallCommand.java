package io.sparkube.cli.controlplane;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.cli.ClusterFlags;
import io.sparkube.cli.ExitCodes;
import io.sparkube.cli.Terminal;
import io.sparkube.model.config.Conf;
import io.sparkube.submit.kube.ApiCall;
import io.sparkube.submit.kube.ApiFailures;
import io.sparkube.submit.kube.ClusterConnector;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sparkube control-plane install}: applies the control plane's objects with server-side
 * apply, so running it again changes nothing; the API's token Secret is made once and then kept.
 */
@Command(name = "install", mixinStandardHelpOptions = true,
    description = "Install the control plane (operator and job-runs API) in a cluster: its CRDs, Namespace,"
        + " ServiceAccount with the least RBAC it needs, token Secret, Deployment (one replica) and Service."
        + " Idempotent; --dry-run prints the manifests.")
public final class InstallCommand implements Callable<Integer> {
  @Mixin
  ClusterFlags cluster = new ClusterFlags();

  @Mixin
  InstallOptions options = new InstallOptions();

  @Option(names = "--dry-run", description = "print the manifests, as 'manifests' does; apply nothing")
  boolean dryRun;

  private final Terminal terminal;

  InstallCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    try {
      var install = options.install();
      if (dryRun) {
        ControlPlaneManifests.print(install, terminal);
        return 0;
      }
      try (KubernetesClient client = ClusterConnector.connect(
          cluster.settings(terminal.environment(), install.namespace(), Conf.empty()))) {
        apply(client, install);
      }
      terminal.out().println("control plane installed in namespace " + install.namespace() + "; job-runs API at "
          + install.apiUri() + " (its bearer token: " + install.tokenCommand() + "); it runs jobs in "
          + (install.runsJobsInAllNamespaces() ? "any namespace"
              : "namespace(s) " + String.join(", ", install.jobNamespaces())));
      return 0;
    } catch (RuntimeException e) {
      return ExitCodes.failed(terminal.err(), e);
    } finally {
      terminal.out().flush();
      terminal.err().flush();
    }
  }

  /** In order: the pod finds its namespace, grants and token in place when it starts. */
  private void apply(KubernetesClient client, ControlPlaneInstall install) {
    ControlPlaneManifests.prerequisites(install).forEach(object -> apply(client, install, object));
    ensureSecret(client, install);
    ControlPlaneManifests.workload(install).forEach(object -> apply(client, install, object));
  }

  private void ensureSecret(KubernetesClient client, ControlPlaneInstall install) {
    var namespace = install.namespace();
    var name = ControlPlaneInstall.NAME;
    var existing = ApiFailures.call(ApiCall.of(client, "get", "secrets", namespace, name),
        () -> client.secrets().inNamespace(namespace).withName(name).get());
    if (existing != null) {
      terminal.err().println("kept secret/" + name + " (its token stays valid)");
      return;
    }
    var secret = ControlPlaneManifests.secret(install);
    ApiFailures.call(ApiCall.of(client, "create", secret, namespace),
        () -> client.resource(secret).inNamespace(namespace).create());
    terminal.err().println("created secret/" + name + " (the job-runs API's bearer token)");
  }

  private void apply(KubernetesClient client, ControlPlaneInstall install, HasMetadata object) {
    // Cluster-scoped objects have no namespace; Roles name the job namespace they belong to.
    var namespace = Optional.ofNullable(object.getMetadata().getNamespace());
    ApiFailures.call(ApiCall.of(client, "apply", object, namespace.orElse("")),
        () -> client.resource(object).fieldManager("sparkube").forceConflicts().serverSideApply());
    terminal.err().println("applied " + object.getKind().toLowerCase(Locale.ROOT) + "/"
        + object.getMetadata().getName()
        + namespace.filter(n -> !n.equals(install.namespace())).map(n -> " in " + n).orElse(""));
  }
}
