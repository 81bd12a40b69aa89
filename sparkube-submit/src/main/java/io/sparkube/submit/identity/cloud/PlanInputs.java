package io.sparkube.submit.identity.cloud;

import io.sparkube.model.config.DnsNames;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.identity.Identity;
import io.sparkube.submit.identity.JobServiceAccount;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a cloud-side plan is made from, checked once. Cloud names left empty become placeholders
 * such as {@code <cluster-name>} in the plan.
 *
 * @param serviceAccount the ServiceAccount the jobs run as, in {@code namespace}
 * @param issuer the cluster's token issuer; needed by AWS IRSA and Azure workload identity only
 * @param clusterName the EKS cluster (EKS Pod Identity) or GKE cluster (GCP)
 * @param resourceGroup the Azure resource group of the managed identity
 * @param identityName the Azure managed identity's name
 * @param terraform whether to add Terraform equivalent to the CLI commands
 */
public record PlanInputs(Identity identity, String namespace, String serviceAccount, Optional<OidcIssuer> issuer,
    Optional<String> clusterName, Optional<String> resourceGroup, Optional<String> identityName, boolean terraform) {
  // The clouds' own rules: EKS cluster names, resource group names, user-assigned identity names.
  private static final Pattern CLUSTER_NAME = Pattern.compile("[0-9A-Za-z][A-Za-z0-9_-]{0,99}");
  private static final Pattern RESOURCE_GROUP = Pattern.compile("[-\\w._()]{0,89}[-\\w_()]");
  private static final Pattern IDENTITY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{2,127}");

  public PlanInputs {
    if (!DnsNames.isLabel(namespace)) {
      throw new SparkubeException(Failure.INVALID_NAME, "namespace " + namespace + " is not " + DnsNames.LABEL_RULE);
    }
    if (!DnsNames.isSubdomain(serviceAccount)) {
      throw new SparkubeException(Failure.INVALID_NAME, "ServiceAccount name " + serviceAccount + " is not "
          + DnsNames.SUBDOMAIN_RULE);
    }
    check("--cluster-name", clusterName, CLUSTER_NAME, "1-100 letters, digits, '-' or '_', starting with a letter"
        + " or digit");
    check("--resource-group", resourceGroup, RESOURCE_GROUP, "1-90 letters, digits, '-', '_', '.', '(' or ')',"
        + " not ending in '.'");
    check("--identity-name", identityName, IDENTITY_NAME, "3-128 letters, digits, '-' or '_', starting with a"
        + " letter or digit");
  }

  /**
   * Inputs for jobs running as {@code serviceAccount}, or when empty as the one {@code sparkube
   * submit} picks: the identity's own, or {@code default} for {@code none}.
   */
  public static PlanInputs of(Identity identity, String namespace, Optional<String> serviceAccount,
      Optional<OidcIssuer> issuer, Optional<String> clusterName, Optional<String> resourceGroup,
      Optional<String> identityName, boolean terraform) {
    var account = serviceAccount.orElseGet(() -> identity instanceof Identity.None ? "default"
        : JobServiceAccount.defaultName(identity));
    return new PlanInputs(identity, namespace, account, issuer, clusterName, resourceGroup, identityName, terraform);
  }

  /** Whether the cloud trusts the cluster's issuer directly, so the plan needs it. */
  public static boolean needsIssuer(Identity identity) {
    return identity instanceof Identity.AwsIrsa || identity instanceof Identity.AzureWorkload;
  }

  public PlanInputs withIssuer(OidcIssuer found) {
    return new PlanInputs(identity, namespace, serviceAccount, Optional.of(found), clusterName, resourceGroup,
        identityName, terraform);
  }

  /** The {@code sub} of the ServiceAccount's tokens. */
  public String subject() {
    return "system:serviceaccount:" + namespace + ":" + serviceAccount;
  }

  OidcIssuer requiredIssuer() {
    return issuer.orElseThrow(() -> SparkubeException.invalidConfig(identity.spec() + " is trusted through the"
        + " cluster's OIDC issuer; give it with --issuer"));
  }

  private static void check(String flag, Optional<String> value, Pattern rule, String ruleText) {
    value.filter(v -> !rule.matcher(v).matches()).ifPresent(v -> {
      throw SparkubeException.invalidConfig(flag + " " + v + ": not a valid name; use " + ruleText);
    });
  }
}
