package io.sparkube.submit.identity.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.identity.IdentityParser;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The provider-independent parts of a plan: the ServiceAccount, none, and checked inputs. */
class CloudSidePlanTest {
  static final String ISSUER = "https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
  static final String IRSA = "aws-irsa:arn:aws:iam::111122223333:role/etl";

  static PlanInputs inputs(String identity, String namespace, Optional<String> serviceAccount) {
    return PlanInputs.of(IdentityParser.parse("--identity", identity), namespace, serviceAccount,
        Optional.of(new OidcIssuer(ISSUER)), Optional.empty(), Optional.empty(), Optional.empty(), true);
  }

  static PlanInputs inputs(String identity) {
    return inputs(identity, "jobs", Optional.empty());
  }

  static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  @Test
  void everyPlanStartsWithTheServiceAccountAndHowSubmitMakesIt() {
    var plan = CloudSidePlan.of(inputs(IRSA));

    assertThat(plan.titles().get(0)).isEqualTo(CloudSidePlan.SERVICE_ACCOUNT);
    assertThat(plan.section(CloudSidePlan.SERVICE_ACCOUNT).text()).isEqualTo("""
        Jobs with --identity aws-irsa:arn:aws:iam::111122223333:role/etl run as ServiceAccount jobs/spark-etl, \
        annotated eks.amazonaws.com/role-arn=arn:aws:iam::111122223333:role/etl.
        sparkube submit creates it if it is missing:
          sparkube submit --identity aws-irsa:arn:aws:iam::111122223333:role/etl \
        --conf spark.kubernetes.namespace=jobs ...
        """);
  }

  @Test
  void anotherServiceAccountIsNamedInTheSubmitLine() {
    var plan = CloudSidePlan.of(inputs("azure:aaaaaaaa-1111-2222-3333-444444444444", "default", Optional.of("etl")));

    var text = plan.section(CloudSidePlan.SERVICE_ACCOUNT).text();
    assertThat(text).contains("run as ServiceAccount default/etl")
        .contains("in pods labelled azure.workload.identity/use=true")
        .contains("--conf spark.kubernetes.authenticate.driver.serviceAccountName=etl ...")
        .doesNotContain("spark.kubernetes.namespace");
  }

  @Test
  void noneHasNothingToSetUp() {
    var plan = CloudSidePlan.of(PlanInputs.of(IdentityParser.parse("--identity", "none"), "default",
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false));

    assertThat(plan.titles()).containsExactly(CloudSidePlan.NOTHING);
    assertThat(plan.text()).contains("nothing to set up");
    assertThat(plan.warnings()).isEmpty();
  }

  @Test
  void sectionsPrintUnderCommentTitles() {
    var text = CloudSidePlan.of(inputs(IRSA)).text();

    assertThat(text).startsWith("### ServiceAccount\nJobs with")
        .contains("\n\n### IAM trust policy (trust-policy.json)\n{\n");
  }

  @Test
  void badNamesFailBeforeAnyText() {
    assertThatThrownBy(() -> inputs(IRSA, "Jobs", Optional.empty()))
        .isInstanceOfSatisfying(SparkubeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.INVALID_NAME))
        .hasMessageStartingWith("namespace Jobs is not a DNS-1123 label");
    assertThatThrownBy(() -> inputs(IRSA, "jobs", Optional.of("etl_reader")))
        .hasMessageStartingWith("ServiceAccount name etl_reader is not a DNS-1123 subdomain");
    assertThatThrownBy(() -> PlanInputs.of(IdentityParser.parse("--identity", IRSA), "jobs", Optional.empty(),
        Optional.empty(), Optional.of("my cluster"), Optional.empty(), Optional.empty(), false))
        .isInstanceOfSatisfying(SparkubeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.INVALID_CONFIG))
        .hasMessageStartingWith("--cluster-name my cluster: not a valid name");
    assertThatThrownBy(() -> PlanInputs.of(IdentityParser.parse("--identity", IRSA), "jobs", Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.of("rg."), Optional.of("ab"), false))
        .hasMessageStartingWith("--resource-group rg.: not a valid name");
  }

  @Test
  void onlyIrsaAndAzureWorkloadNeedTheIssuer() {
    assertThat(PlanInputs.needsIssuer(IdentityParser.parse("--identity", IRSA))).isTrue();
    assertThat(PlanInputs.needsIssuer(IdentityParser.parse("--identity", "azure:aaaaaaaa-1111-2222-3333-444444444444")))
        .isTrue();
    assertThat(PlanInputs.needsIssuer(IdentityParser.parse("--identity", "aws-pod-identity:arn:aws:iam::111122223333:role/etl")))
        .isFalse();
    assertThat(PlanInputs.needsIssuer(IdentityParser.parse("--identity", "gcp:etl-reader@my-project.iam.gserviceaccount.com")))
        .isFalse();
    assertThat(PlanInputs.needsIssuer(IdentityParser.parse("--identity", "azure-pod-identity:etl"))).isFalse();
  }

  @Test
  void aPlanThatNeedsTheIssuerSaysSoWithoutOne() {
    var noIssuer = PlanInputs.of(IdentityParser.parse("--identity", IRSA), "jobs", Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), false);

    assertThatThrownBy(() -> CloudSidePlan.of(noIssuer)).isInstanceOf(SparkubeException.class)
        .hasMessageContaining("give it with --issuer");
  }
}
