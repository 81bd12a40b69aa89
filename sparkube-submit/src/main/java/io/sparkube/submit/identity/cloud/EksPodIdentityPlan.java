package io.sparkube.submit.identity.cloud;

import io.sparkube.submit.identity.Identity;
import java.util.ArrayList;
import java.util.List;

/**
 * EKS Pod Identity: the role trusts the EKS Pod Identity service, and an association, made through
 * the EKS API, ties it to the ServiceAccount. No issuer is involved.
 */
final class EksPodIdentityPlan implements ProviderPlan {
  static final String AGENT_ADDON = "eks-pod-identity-agent";

  private final PlanInputs inputs;
  private final AwsRole role;

  /** @param principal the service the role trusts, the audience of the pods' tokens */
  EksPodIdentityPlan(PlanInputs inputs, Identity.AwsPodIdentity podIdentity, String principal) {
    this.inputs = inputs;
    var statement = Json.object().put("Effect", "Allow");
    statement.putObject("Principal").put("Service", principal);
    statement.set("Action", Json.array("sts:AssumeRole", "sts:TagSession"));
    this.role = new AwsRole(podIdentity.role(), statement);
  }

  @Override
  public List<PlanSection> sections() {
    var addon = new ShellCommand("aws eks create-addon").flag("--cluster-name", inputs.clusterName(), "cluster-name")
        .flag("--addon-name", AGENT_ADDON);
    var association = new ShellCommand("aws eks create-pod-identity-association")
        .flag("--cluster-name", inputs.clusterName(), "cluster-name").flag("--namespace", inputs.namespace())
        .flag("--service-account", inputs.serviceAccount()).flag("--role-arn", role.arn().arn());
    var commands = "# Once per cluster: the EKS Pod Identity Agent (skip if aws eks list-addons lists " + AGENT_ADDON
        + ").\n" + addon.render() + "\n" + role.commands() + "\n"
        + "# Associate the role with the ServiceAccount:\n" + association.render();
    var sections = new ArrayList<PlanSection>();
    sections.add(new PlanSection(AwsRole.POLICY_TITLE, Json.pretty(role.trustPolicy())));
    sections.add(new PlanSection("AWS CLI", commands));
    if (inputs.terraform()) {
      var cluster = inputs.clusterName().orElse("<cluster-name>");
      var agent = Hcl.resource("aws_eks_addon", "pod_identity_agent", Hcl.string("cluster_name", cluster),
          Hcl.string("addon_name", AGENT_ADDON));
      var associationTf = Hcl.resource("aws_eks_pod_identity_association", role.resourceName(),
          Hcl.string("cluster_name", cluster), Hcl.string("namespace", inputs.namespace()),
          Hcl.string("service_account", inputs.serviceAccount()), Hcl.string("role_arn", role.arn().arn()));
      sections.add(new PlanSection(TERRAFORM, "# Once per cluster.\n" + agent + "\n" + role.terraform() + "\n"
          + associationTf));
    }
    return sections;
  }
}
