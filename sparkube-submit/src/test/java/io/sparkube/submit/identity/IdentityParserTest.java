package io.sparkube.submit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityParserTest {
  private static Identity parse(String value) {
    return IdentityParser.parse("--identity", value);
  }

  @Test
  void readsEveryProvider() {
    var irsa = (Identity.AwsIrsa) parse("aws-irsa:arn:aws:iam::111122223333:role/team/etl-reader");
    assertThat(irsa.role()).isEqualTo(new RoleArn("arn:aws:iam::111122223333:role/team/etl-reader", "aws",
        "111122223333", "/team/", "etl-reader"));
    assertThat(parse("aws-pod-identity:arn:aws-cn:iam::111122223333:role/etl"))
        .isEqualTo(new Identity.AwsPodIdentity(new RoleArn("arn:aws-cn:iam::111122223333:role/etl", "aws-cn",
            "111122223333", "/", "etl")));
    assertThat(parse("azure:AAAAAAAA-1111-2222-3333-444444444444@bbbbbbbb-1111-2222-3333-444444444444"))
        .isEqualTo(new Identity.AzureWorkload("aaaaaaaa-1111-2222-3333-444444444444",
            Optional.of("bbbbbbbb-1111-2222-3333-444444444444")));
    assertThat(parse("azure:aaaaaaaa-1111-2222-3333-444444444444"))
        .isEqualTo(new Identity.AzureWorkload("aaaaaaaa-1111-2222-3333-444444444444", Optional.empty()));
    assertThat(parse("azure-pod-identity:etl_binding.v2")).isEqualTo(new Identity.AzurePodIdentity("etl_binding.v2"));
    assertThat(parse("gcp:etl-reader@my-project.iam.gserviceaccount.com"))
        .isEqualTo(new Identity.GcpWorkload("etl-reader@my-project.iam.gserviceaccount.com"));
    assertThat(parse("gcp:123456789-compute@developer.gserviceaccount.com")).isInstanceOf(Identity.GcpWorkload.class);
    assertThat(parse("none")).isEqualTo(new Identity.None());
  }

  @Test
  void specRoundTrips() {
    for (var spec : new String[] {"aws-irsa:arn:aws:iam::111122223333:role/etl",
        "azure:aaaaaaaa-1111-2222-3333-444444444444@bbbbbbbb-1111-2222-3333-444444444444",
        "azure-pod-identity:etl", "gcp:etl-reader@my-project.iam.gserviceaccount.com", "none"}) {
      assertThat(parse(spec).spec()).isEqualTo(spec);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "aws-irsa:arn:aws:iam::1111:role/etl | expected aws-irsa:arn:aws:iam::<12-digit account>:role/[<path>/]<role name>",
      "aws-irsa:arn:aws:iam::111122223333:user/etl | expected aws-irsa:arn:aws:iam::<12-digit account>:role/",
      "aws-pod-identity:etl | expected aws-pod-identity:arn:aws:iam::<12-digit account>:role/",
      "aws-irsa:arn:aws:iam::111122223333:role/has space | not an IAM role ARN",
      "azure:not-a-guid | expected azure:<client-id>[@<tenant-id>]",
      "azure:aaaaaaaa-1111-2222-3333-444444444444@contoso.com | the client id and tenant id must be GUIDs",
      "azure-pod-identity:-bad- | expected azure-pod-identity:<binding>",
      "gcp:etl@gmail.com | expected gcp:<name>@<project>.iam.gserviceaccount.com",
      "gcp:x@my-project.iam.gserviceaccount.com | not a Google service account email",
      "aws:arn:aws:iam::111122223333:role/etl | unknown provider 'aws'; expected aws-irsa:<role-arn>, aws-pod-identity",
      "arn:aws:iam::111122223333:role/etl | unknown provider 'arn'",
      "etl-reader | no provider; expected aws-irsa:<role-arn>"})
  void rejectsMalformedValuesWithTheExpectedFormat(String value, String messagePart) {
    assertThatThrownBy(() -> parse(value))
        .isInstanceOf(SparkubeException.class)
        .satisfies(e -> assertThat(((SparkubeException) e).failure()).isEqualTo(Failure.INVALID_CONFIG))
        .hasMessageStartingWith("--identity " + value + ": ")
        .hasMessageContaining(messagePart)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
