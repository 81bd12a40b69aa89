package io.sparkube.submit.identity.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import org.junit.jupiter.api.Test;

/** Issuers, shell words and Terraform strings: what makes the plan safe to paste. */
class TextFormatsTest {
  @Test
  void issuersMustBeHttpsUrls() {
    assertThat(OidcIssuer.parse("--issuer", " https://oidc.example.com/id/1/ ").url())
        .isEqualTo("https://oidc.example.com/id/1/");
    assertThatThrownBy(() -> OidcIssuer.parse("--issuer", "http://oidc.example.com"))
        .isInstanceOfSatisfying(SparkubeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.INVALID_CONFIG))
        .hasMessageStartingWith("--issuer http://oidc.example.com: not an https URL");
    assertThatThrownBy(() -> OidcIssuer.parse("--issuer", "oidc.example.com")).hasMessageContaining("not an https URL");
    assertThatThrownBy(() -> OidcIssuer.parse("--issuer", "https://oidc.example.com/?a=b"))
        .hasMessageContaining("no user, query or fragment");
    assertThatThrownBy(() -> OidcIssuer.parse("--issuer", "https://bad host")).hasMessageContaining("not a URL");
  }

  @Test
  void iamNamesTheProviderWithoutSchemeAndTrailingSlash() {
    assertThat(new OidcIssuer("https://oidc.example.com/id/1/").hostAndPath()).isEqualTo("oidc.example.com/id/1");
    assertThat(new OidcIssuer("https://oidc.example.com").hostAndPath()).isEqualTo("oidc.example.com");
  }

  @Test
  void issuersOnlyTheClusterReachesAreKnown() {
    for (var url : new String[] {"https://kubernetes.default.svc", "https://kubernetes.default.svc.cluster.local",
        "https://localhost:6443", "https://127.0.0.1", "https://10.0.0.1/x", "https://[::1]", "https://api.internal"}) {
      assertThat(new OidcIssuer(url).unreachableFromClouds()).as(url).isTrue();
    }
    for (var url : new String[] {"https://oidc.eks.us-east-1.amazonaws.com/id/X", "https://8.8.8.8",
        "https://storage.googleapis.com/bucket"}) {
      assertThat(new OidcIssuer(url).unreachableFromClouds()).as(url).isFalse();
    }
  }

  @Test
  void shellWordsAreQuotedOnlyWhenNeeded() {
    assertThat(ShellCommand.quote("arn:aws:iam::1:role/a+b=c,d.e@f")).isEqualTo("arn:aws:iam::1:role/a+b=c,d.e@f");
    assertThat(ShellCommand.quote("sa:p.svc.id.goog[ns/sa]")).isEqualTo("\"sa:p.svc.id.goog[ns/sa]\"");
    assertThat(ShellCommand.quote("it's $HOME")).isEqualTo("'it'\\''s $HOME'");
    assertThat(new ShellCommand("aws iam x").flag("--a", "1").argument("b c").render())
        .isEqualTo("aws iam x \\\n    --a 1 \\\n    \"b c\"\n");
  }

  @Test
  void terraformStringsCannotInterpolate() {
    assertThat(Hcl.quote("a\"b\\c ${x} %{y}")).isEqualTo("\"a\\\"b\\\\c $${x} %%{y}\"");
    assertThat(Hcl.name("etl.reader@x")).isEqualTo("etl_reader_x");
    assertThat(Hcl.name("1-role")).isEqualTo("_1-role");
  }
}
