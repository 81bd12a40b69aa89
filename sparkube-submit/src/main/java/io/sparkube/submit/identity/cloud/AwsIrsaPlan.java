package io.sparkube.submit.identity.cloud;

import io.sparkube.submit.identity.Identity;
import java.util.ArrayList;
import java.util.List;

/**
 * IAM Roles for Service Accounts: IAM trusts the cluster's issuer as an OIDC provider, and the
 * role trusts tokens of that provider whose {@code sub} is the ServiceAccount.
 */
final class AwsIrsaPlan implements ProviderPlan {
  private final PlanInputs inputs;
  private final OidcIssuer issuer;
  private final AwsRole role;
  private final String audience;
  private final String providerArn;

  AwsIrsaPlan(PlanInputs inputs, Identity.AwsIrsa irsa, String audience) {
    this.inputs = inputs;
    this.issuer = inputs.requiredIssuer();
    this.audience = audience;
    var arn = irsa.role();
    this.providerArn = "arn:" + arn.partition() + ":iam::" + arn.accountId() + ":oidc-provider/"
        + issuer.hostAndPath();
    var statement = Json.object().put("Effect", "Allow");
    statement.putObject("Principal").put("Federated", providerArn);
    statement.put("Action", "sts:AssumeRoleWithWebIdentity");
    statement.putObject("Condition").putObject("StringEquals")
        .put(issuer.hostAndPath() + ":sub", inputs.subject())
        .put(issuer.hostAndPath() + ":aud", audience);
    this.role = new AwsRole(arn, statement);
  }

  @Override
  public List<PlanSection> sections() {
    var provider = new ShellCommand("aws iam create-open-id-connect-provider").flag("--url", issuer.url())
        .flag("--client-id-list", audience);
    var commands = "# Once per cluster: register its issuer with IAM as " + providerArn + "\n"
        + "# (skip if aws iam list-open-id-connect-providers lists it).\n" + provider.render() + "\n"
        + role.commands();
    var sections = new ArrayList<PlanSection>();
    sections.add(new PlanSection(AwsRole.POLICY_TITLE, Json.pretty(role.trustPolicy())));
    sections.add(new PlanSection("AWS CLI", commands));
    if (inputs.terraform()) {
      var oidc = Hcl.resource("aws_iam_openid_connect_provider", "cluster", Hcl.string("url", issuer.url()),
          Hcl.strings("client_id_list", audience));
      sections.add(new PlanSection(TERRAFORM, "# Once per cluster.\n" + oidc + "\n" + role.terraform()));
    }
    return sections;
  }

  @Override
  public List<String> warnings() {
    return Issuers.unreachableWarning(issuer, "AWS STS");
  }
}
