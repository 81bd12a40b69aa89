package io.sparkube.submit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.sparkube.model.config.DnsNames;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobServiceAccountTest {
  private static final Identity IRSA = IdentityParser.parse("--identity", "aws-irsa:arn:aws:iam::111122223333:role/etl");

  @Test
  void namesAreDerivedFromTheIdentityAndValidLabels() {
    assertThat(JobServiceAccount.defaultName(IRSA)).isEqualTo("spark-etl");
    assertThat(JobServiceAccount.defaultName(IdentityParser.parse("x",
        "aws-irsa:arn:aws:iam::111122223333:role/path/ETL_Reader+Team@Corp."))).isEqualTo("spark-etl-reader-team-corp");
    assertThat(JobServiceAccount.defaultName(IdentityParser.parse("x", "azure:AAAAAAAA-1111-2222-3333-444444444444")))
        .isEqualTo("spark-aaaaaaaa-1111-2222-3333-444444444444");
    assertThat(JobServiceAccount.defaultName(IdentityParser.parse("x", "azure-pod-identity:etl_binding")))
        .isEqualTo("spark-etl-binding");
    assertThat(JobServiceAccount.defaultName(IdentityParser.parse("x", "gcp:etl-reader@proj-123.iam.gserviceaccount.com")))
        .isEqualTo("spark-etl-reader");
  }

  @Test
  void longRoleNamesAreCutAndKeptApartByAHash() {
    var longName = "r".repeat(64);
    var a = JobServiceAccount.defaultName(IdentityParser.parse("x", "aws-irsa:arn:aws:iam::111122223333:role/" + longName));
    var b = JobServiceAccount.defaultName(IdentityParser.parse("x", "aws-irsa:arn:aws:iam::999922223333:role/" + longName));
    assertThat(a).hasSize(63).matches(DnsNames::isLabel);
    assertThat(b).hasSize(63).matches(DnsNames::isLabel).isNotEqualTo(a);
  }

  @Test
  void aMatchingAccountIsReusedWhateverElseItCarries() {
    var desired = desired();
    var existing = account(Map.of(IdentityBindings.IRSA_ROLE_ANNOTATION, "arn:aws:iam::111122223333:role/etl",
        "team", "data"));
    assertThat(mismatchMessage(existing, desired)).isEmpty();
  }

  @Test
  void anAccountWithoutTheAnnotationIsNamedWithTheFix() {
    assertThat(mismatchMessage(account(Map.of()), desired())).hasValueSatisfying(why -> assertThat(why)
        .startsWith("ServiceAccount jobs/spark-etl exists without eks.amazonaws.com/role-arn, but"
            + " aws-irsa:arn:aws:iam::111122223333:role/etl needs")
        .contains("kubectl annotate serviceaccount -n jobs spark-etl --overwrite"
            + " eks.amazonaws.com/role-arn=arn:aws:iam::111122223333:role/etl")
        .contains("spark.kubernetes.authenticate.driver.serviceAccountName"));
  }

  @Test
  void anAccountOfAnotherRoleIsAConflict() {
    var existing = account(Map.of(IdentityBindings.IRSA_ROLE_ANNOTATION, "arn:aws:iam::111122223333:role/other"));
    assertThat(mismatchMessage(existing, desired()))
        .hasValueSatisfying(why -> assertThat(why).contains("exists with eks.amazonaws.com/role-arn="
            + "arn:aws:iam::111122223333:role/other"));
  }

  @Test
  void anAccountSparkubeMadeForAnotherIdentityIsAConflict() {
    // EKS Pod Identity puts nothing on the account, so only Sparkube's own record can tell.
    var podIdentity = IdentityParser.parse("x", "aws-pod-identity:arn:aws:iam::111122223333:role/etl");
    var desired = JobServiceAccount.desired("jobs", "spark-etl", IdentityBindings.of(podIdentity, new HadoopRelease(3, 4, 1)));
    var existing = account(Map.of(JobServiceAccount.IDENTITY_ANNOTATION, "aws-pod-identity:arn:aws:iam::1:role/x"));
    assertThat(mismatchMessage(existing, desired))
        .hasValueSatisfying(why -> assertThat(why).contains("was created by Sparkube for aws-pod-identity:arn:aws:iam::1:role/x"));
    assertThat(mismatchMessage(account(Map.of()), desired)).isEmpty();
  }

  private static Optional<String> mismatchMessage(ServiceAccount existing, ServiceAccount desired) {
    return JobServiceAccount.mismatch(existing, desired).map(JobServiceAccount.Mismatch::message);
  }

  private static ServiceAccount desired() {
    return JobServiceAccount.desired("jobs", "spark-etl", IdentityBindings.of(IRSA, new HadoopRelease(3, 4, 1)));
  }

  private static ServiceAccount account(Map<String, String> annotations) {
    return new ServiceAccountBuilder().withNewMetadata().withName("spark-etl").withNamespace("jobs")
        .withAnnotations(annotations).endMetadata().build();
  }
}
