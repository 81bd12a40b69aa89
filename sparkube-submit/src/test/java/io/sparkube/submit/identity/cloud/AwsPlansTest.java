package io.sparkube.submit.identity.cloud;

import static io.sparkube.submit.identity.cloud.CloudSidePlanTest.ISSUER;
import static io.sparkube.submit.identity.cloud.CloudSidePlanTest.inputs;
import static io.sparkube.submit.identity.cloud.CloudSidePlanTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkube.submit.identity.IdentityParser;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsPlansTest {
  private static final String HOST_PATH = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

  @Test
  void irsaTrustPolicyTrustsTheIssuerForTheServiceAccount() throws Exception {
    var plan = CloudSidePlan.of(inputs("aws-irsa:arn:aws:iam::111122223333:role/etl"));

    var policy = json(plan.section(AwsRole.POLICY_TITLE).text());
    assertThat(policy.get("Version").asText()).isEqualTo("2012-10-17");
    assertThat(policy.get("Statement")).hasSize(1);
    var statement = policy.get("Statement").get(0);
    assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
    assertThat(statement.at("/Principal/Federated").asText())
        .isEqualTo("arn:aws:iam::111122223333:oidc-provider/" + HOST_PATH);
    assertThat(statement.get("Action").asText()).isEqualTo("sts:AssumeRoleWithWebIdentity");
    var conditions = statement.at("/Condition/StringEquals");
    assertThat(conditions.get(HOST_PATH + ":sub").asText()).isEqualTo("system:serviceaccount:jobs:spark-etl");
    assertThat(conditions.get(HOST_PATH + ":aud").asText()).isEqualTo("sts.amazonaws.com");
    assertThat(conditions).hasSize(2);
  }

  @Test
  void irsaCommandsRegisterTheProviderAndSetTheTrustPolicy() {
    var commands = CloudSidePlan.of(inputs("aws-irsa:arn:aws:iam::111122223333:role/etl")).section("AWS CLI").text();

    assertThat(commands).contains("# Once per cluster")
        .contains("aws iam create-open-id-connect-provider \\\n    --url " + ISSUER
            + " \\\n    --client-id-list sts.amazonaws.com\n")
        .contains("aws iam create-role \\\n    --role-name etl \\\n"
            + "    --assume-role-policy-document file://trust-policy.json\n")
        .contains("aws iam update-assume-role-policy \\\n    --role-name etl \\\n"
            + "    --policy-document file://trust-policy.json\n");
  }

  @Test
  void theArnGivesPartitionAccountPathAndRoleName() throws Exception {
    var plan = CloudSidePlan.of(inputs("aws-irsa:arn:aws-cn:iam::444455556666:role/team/etl-reader"));

    assertThat(json(plan.section(AwsRole.POLICY_TITLE).text()).at("/Statement/0/Principal/Federated").asText())
        .isEqualTo("arn:aws-cn:iam::444455556666:oidc-provider/" + HOST_PATH);
    assertThat(plan.section("AWS CLI").text()).contains("--role-name etl-reader \\\n    --path /team/ \\\n");
    assertThat(plan.section(ProviderPlan.TERRAFORM).text()).contains("path               = \"/team/\"");
  }

  @Test
  void irsaTerraformEncodesTheSamePolicy() {
    var terraform = CloudSidePlan.of(inputs("aws-irsa:arn:aws:iam::111122223333:role/etl"))
        .section(ProviderPlan.TERRAFORM).text();

    assertThat(terraform).contains("resource \"aws_iam_openid_connect_provider\" \"cluster\" {\n"
        + "  url            = \"" + ISSUER + "\"\n  client_id_list = [\"sts.amazonaws.com\"]\n}\n");
    assertThat(terraform).contains("resource \"aws_iam_role\" \"etl\" {\n  name               = \"etl\"\n")
        .contains("  assume_role_policy = jsonencode({\n    Version   = \"2012-10-17\"\n    Statement = [{\n")
        .contains("        Federated = \"arn:aws:iam::111122223333:oidc-provider/" + HOST_PATH + "\"\n")
        .contains("          \"" + HOST_PATH + ":sub\" = \"system:serviceaccount:jobs:spark-etl\"\n")
        .endsWith("    }]\n  })\n}\n");
  }

  @Test
  void anIssuerOnlyTheClusterResolvesIsWarnedAbout() {
    var local = PlanInputs.of(IdentityParser.parse("--identity", "aws-irsa:arn:aws:iam::111122223333:role/etl"),
        "default", Optional.empty(), Optional.of(new OidcIssuer("https://kubernetes.default.svc")), Optional.empty(),
        Optional.empty(), Optional.empty(), false);

    var plan = CloudSidePlan.of(local);
    assertThat(plan.warnings()).singleElement().asString().contains("https://kubernetes.default.svc")
        .contains("AWS STS").contains("--service-account-issuer");
    assertThat(plan.titles()).doesNotContain(ProviderPlan.TERRAFORM);
    assertThat(CloudSidePlan.of(inputs("aws-irsa:arn:aws:iam::111122223333:role/etl")).warnings()).isEmpty();
  }

  @Test
  void podIdentityTrustsTheEksServiceAndAssociatesTheRole() throws Exception {
    var plan = CloudSidePlan.of(PlanInputs.of(
        IdentityParser.parse("--identity", "aws-pod-identity:arn:aws:iam::111122223333:role/etl"), "jobs",
        Optional.empty(), Optional.empty(), Optional.of("prod"), Optional.empty(), Optional.empty(), true));

    var statement = json(plan.section(AwsRole.POLICY_TITLE).text()).at("/Statement/0");
    assertThat(statement.at("/Principal/Service").asText()).isEqualTo("pods.eks.amazonaws.com");
    assertThat(statement.get("Action")).extracting(n -> n.asText()).containsExactly("sts:AssumeRole", "sts:TagSession");
    assertThat(statement.has("Condition")).isFalse();
    assertThat(plan.section("AWS CLI").text())
        .contains("aws eks create-addon \\\n    --cluster-name prod \\\n    --addon-name eks-pod-identity-agent\n")
        .contains("aws eks create-pod-identity-association \\\n    --cluster-name prod \\\n    --namespace jobs \\\n"
            + "    --service-account spark-etl \\\n    --role-arn arn:aws:iam::111122223333:role/etl\n")
        .contains("aws iam update-assume-role-policy");
    assertThat(plan.section(ProviderPlan.TERRAFORM).text())
        .contains("resource \"aws_eks_pod_identity_association\" \"etl\" {\n  cluster_name    = \"prod\"\n"
            + "  namespace       = \"jobs\"\n  service_account = \"spark-etl\"\n"
            + "  role_arn        = \"arn:aws:iam::111122223333:role/etl\"\n}\n")
        .contains("Action    = [\"sts:AssumeRole\", \"sts:TagSession\"]");
  }

  @Test
  void podIdentityWithoutAClusterNameLeavesAPlaceholder() {
    var plan = CloudSidePlan.of(inputs("aws-pod-identity:arn:aws:iam::111122223333:role/etl"));

    assertThat(plan.section("AWS CLI").text()).contains("--cluster-name <cluster-name> \\\n    --namespace jobs");
    assertThat(plan.section(ProviderPlan.TERRAFORM).text()).contains("cluster_name    = \"<cluster-name>\"");
  }
}
