package io.sparkube.submit.identity.cloud;

import io.sparkube.submit.identity.HadoopRelease;
import io.sparkube.submit.identity.Identity;
import io.sparkube.submit.identity.IdentityBinding;
import io.sparkube.submit.identity.IdentityBindings;
import io.sparkube.submit.identity.JobServiceAccount;
import io.sparkube.submit.identity.WorkloadToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What to set up in the cloud so that the ServiceAccount a job runs as can assume its identity:
 * the ServiceAccount, then the provider's documents and commands, as text to paste.
 */
public final class CloudSidePlan {
  public static final String SERVICE_ACCOUNT = "ServiceAccount";
  public static final String NOTHING = "Nothing to set up";
  // Annotations, labels and token audiences are the same whatever Hadoop a job's image has.
  private static final HadoopRelease ANY_HADOOP = new HadoopRelease(3, 4, 1);

  private CloudSidePlan() {}

  public static CloudPlan of(PlanInputs inputs) {
    var identity = inputs.identity();
    if (identity instanceof Identity.None) {
      return new CloudPlan(List.of(new PlanSection(NOTHING, "--identity none gives jobs no cloud identity, so there is"
          + " nothing to set up in a cloud.\n")), List.of());
    }
    var binding = IdentityBindings.of(identity, ANY_HADOOP);
    var provider = provider(inputs, binding);
    var sections = new ArrayList<PlanSection>();
    sections.add(new PlanSection(SERVICE_ACCOUNT, serviceAccount(inputs, binding)));
    sections.addAll(provider.sections());
    return new CloudPlan(sections, provider.warnings());
  }

  /** Where to look the issuer up, for a user who has to give it with --issuer. */
  public static String issuerHint(Identity identity) {
    if (identity instanceof Identity.AzureWorkload) {
      return "az aks show --resource-group <resource-group> --name <cluster-name> --query oidcIssuerProfile.issuerUrl"
          + " --output tsv";
    }
    return "aws eks describe-cluster --name <cluster-name> --query cluster.identity.oidc.issuer --output text";
  }

  private static ProviderPlan provider(PlanInputs inputs, IdentityBinding binding) {
    var identity = inputs.identity();
    if (identity instanceof Identity.AwsIrsa irsa) {
      return new AwsIrsaPlan(inputs, irsa, audience(binding));
    }
    if (identity instanceof Identity.AwsPodIdentity podIdentity) {
      return new EksPodIdentityPlan(inputs, podIdentity, audience(binding));
    }
    if (identity instanceof Identity.AzureWorkload azure) {
      return new AzureWorkloadPlan(inputs, azure, audience(binding));
    }
    if (identity instanceof Identity.AzurePodIdentity aad) {
      return new AadPodIdentityPlan(inputs, aad);
    }
    if (identity instanceof Identity.GcpWorkload gcp) {
      return new GcpWorkloadPlan(inputs, gcp);
    }
    throw new IllegalArgumentException("no cloud side for " + identity.spec());
  }

  private static String audience(IdentityBinding binding) {
    return binding.token().map(WorkloadToken::audience).orElseThrow(() -> new IllegalStateException(
        binding.identity().spec() + " has no token"));
  }

  private static String serviceAccount(PlanInputs inputs, IdentityBinding binding) {
    var text = new StringBuilder("Jobs with --identity ").append(inputs.identity().spec()).append(" run as ServiceAccount ")
        .append(inputs.namespace()).append('/').append(inputs.serviceAccount());
    if (!binding.serviceAccountAnnotations().isEmpty()) {
      text.append(", annotated ").append(pairs(binding.serviceAccountAnnotations()));
    }
    if (!binding.podLabels().isEmpty()) {
      text.append(", in pods labelled ").append(pairs(binding.podLabels()));
    }
    text.append(".\nsparkube submit creates it if it is missing:\n  sparkube submit --identity ")
        .append(ShellCommand.quote(inputs.identity().spec()));
    if (!inputs.namespace().equals("default")) {
      text.append(" --conf spark.kubernetes.namespace=").append(inputs.namespace());
    }
    if (!inputs.serviceAccount().equals(JobServiceAccount.defaultName(inputs.identity()))) {
      text.append(" --conf spark.kubernetes.authenticate.driver.serviceAccountName=").append(inputs.serviceAccount());
    }
    return text.append(" ...\n").toString();
  }

  private static String pairs(Map<String, String> values) {
    return values.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
