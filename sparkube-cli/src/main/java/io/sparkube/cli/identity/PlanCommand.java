package io.sparkube.cli.identity;

import io.sparkube.cli.ClusterFlags;
import io.sparkube.cli.ExitCodes;
import io.sparkube.cli.Terminal;
import io.sparkube.model.config.Conf;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.identity.Identity;
import io.sparkube.submit.identity.IdentityParser;
import io.sparkube.submit.identity.cloud.CloudSidePlan;
import io.sparkube.submit.identity.cloud.IssuerDiscovery;
import io.sparkube.submit.identity.cloud.OidcIssuer;
import io.sparkube.submit.identity.cloud.PlanInputs;
import io.sparkube.submit.kube.ClusterConnector;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sparkube identity plan}: what to set up in the cloud, printed to paste. */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Print what the cloud needs so that the jobs' ServiceAccount can assume --identity:"
        + " trust policy or federated credential, CLI commands and, with --terraform, Terraform.")
final class PlanCommand implements Callable<Integer> {
  @Option(names = "--identity", required = true, paramLabel = "ID", description = "as sparkube submit takes it:"
      + " aws-irsa:<role-arn>, aws-pod-identity:<role-arn>, azure:<client-id>[@<tenant-id>],"
      + " azure-pod-identity:<binding>, gcp:<gsa-email> or none")
  String identity;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE", defaultValue = "default",
      description = "namespace the jobs run in; default: ${DEFAULT-VALUE}")
  String namespace;

  @Option(names = "--service-account", paramLabel = "NAME",
      description = "ServiceAccount the jobs run as; default: the one sparkube submit makes for the identity")
  String serviceAccount;

  @Option(names = "--issuer", paramLabel = "URL",
      description = "the cluster's ServiceAccount token issuer; default: read from the cluster (aws-irsa, azure only)")
  String issuer;

  @Option(names = "--cluster-name", paramLabel = "NAME", description = "EKS or GKE cluster name")
  String clusterName;

  @Option(names = "--resource-group", paramLabel = "RG", description = "Azure resource group of the managed identity")
  String resourceGroup;

  @Option(names = "--identity-name", paramLabel = "NAME", description = "Azure managed identity name")
  String identityName;

  @Option(names = "--terraform", description = "add the same as Terraform")
  boolean terraform;

  @Mixin
  ClusterFlags cluster = new ClusterFlags();

  private final Terminal terminal;

  PlanCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    var out = terminal.out();
    var err = terminal.err();
    try {
      var parsed = IdentityParser.parse("--identity", identity);
      var inputs = PlanInputs.of(parsed, namespace, Optional.ofNullable(serviceAccount),
          Optional.ofNullable(issuer).map(value -> OidcIssuer.parse("--issuer", value)), Optional.ofNullable(clusterName),
          Optional.ofNullable(resourceGroup), Optional.ofNullable(identityName), terraform);
      if (PlanInputs.needsIssuer(parsed) && inputs.issuer().isEmpty()) {
        inputs = inputs.withIssuer(discover(parsed));
      }
      var plan = CloudSidePlan.of(inputs);
      out.print(plan.text());
      plan.warnings().forEach(warning -> err.println("sparkube: warning: " + warning));
      return 0;
    } catch (RuntimeException e) {
      return ExitCodes.failed(err, e);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private OidcIssuer discover(Identity parsed) {
    try (var client = ClusterConnector.connect(cluster.settings(terminal.environment(), namespace, Conf.empty()))) {
      return IssuerDiscovery.issuer(client);
    } catch (SparkubeException e) {
      throw new SparkubeException(e.failure(), "cannot read the OIDC issuer from the cluster (" + e.getMessage()
          + "); give it with --issuer <https-url>, e.g. from " + CloudSidePlan.issuerHint(parsed), e);
    }
  }
}
