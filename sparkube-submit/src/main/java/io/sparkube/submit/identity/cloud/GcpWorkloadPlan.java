package io.sparkube.submit.identity.cloud;

import io.sparkube.submit.identity.Identity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * GKE Workload Identity: the Google service account lets the ServiceAccount's member of the
 * project's workload identity pool act as it. GKE's metadata server does the rest; no issuer.
 */
final class GcpWorkloadPlan implements ProviderPlan {
  static final String ROLE = "roles/iam.workloadIdentityUser";
  private static final Pattern USER_MANAGED = Pattern.compile("[^@]+@([a-z][a-z0-9-]+)\\.iam\\.gserviceaccount\\.com");
  private static final Pattern APP_ENGINE = Pattern.compile("([a-z][a-z0-9-]+)@appspot\\.gserviceaccount\\.com");

  private final PlanInputs inputs;
  private final String email;
  private final Optional<String> project;

  GcpWorkloadPlan(PlanInputs inputs, Identity.GcpWorkload gcp) {
    this.inputs = inputs;
    this.email = gcp.serviceAccountEmail();
    this.project = projectOf(email);
  }

  /** The project id the email names; the compute default account names only the project number. */
  static Optional<String> projectOf(String email) {
    for (var pattern : List.of(USER_MANAGED, APP_ENGINE)) {
      var m = pattern.matcher(email);
      if (m.matches()) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  String member() {
    return "serviceAccount:" + project.orElse("<project-id>") + ".svc.id.goog[" + inputs.namespace() + "/"
        + inputs.serviceAccount() + "]";
  }

  @Override
  public List<PlanSection> sections() {
    var binding = new ShellCommand("gcloud iam service-accounts add-iam-policy-binding").argument(email)
        .flag("--project", project, "project-id").flag("--role", ROLE).flag("--member", member());
    var pool = project.orElse("<project-id>") + ".svc.id.goog";
    var commands = "# Once per cluster, if Workload Identity is off: gcloud container clusters update "
        + inputs.clusterName().orElse("<cluster-name>") + " --location <location> --workload-pool=" + pool + "\n"
        + "# (and node pools with --workload-metadata=GKE_METADATA). A cluster in another project than the"
        + " service account\n# uses that project's pool in --member.\n" + binding.render();
    var sections = new ArrayList<PlanSection>();
    sections.add(new PlanSection("gcloud", commands));
    if (inputs.terraform()) {
      sections.add(new PlanSection(TERRAFORM, Hcl.resource("google_service_account_iam_member",
          Hcl.name(inputs.serviceAccount() + "_workload_identity"),
          // "-": IAM finds the project from the email.
          Hcl.string("service_account_id", "projects/-/serviceAccounts/" + email),
          Hcl.string("role", ROLE), Hcl.string("member", member()))));
    }
    return sections;
  }
}
