package io.sparkube.jobruns.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.resources.VirtualClusterSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityPolicyTest {
  static final String ROLE = "arn:aws:iam::123456789012:role/team-a/spark";

  @Test
  void theClusterSaysHowTheRoleIsWorn() {
    var spec = new VirtualClusterSpec();
    assertThat(IdentityPolicy.identityFor(ROLE, "vc", spec)).isEqualTo("aws-irsa:" + ROLE);

    spec.setExecutionRoleIdentity("aws-pod-identity");
    assertThat(IdentityPolicy.identityFor(ROLE, "vc", spec)).isEqualTo("aws-pod-identity:" + ROLE);

    spec.setExecutionRoleIdentity("gcp");
    assertThatThrownBy(() -> IdentityPolicy.identityFor(ROLE, "vc", spec))
        .hasMessageContaining("executionRoleIdentity=gcp, which cannot carry an IAM role");
  }

  @Test
  void anEmptyAllowListAllowsAnyIdentityAndGlobsMatchWholeIdentities() {
    var spec = new VirtualClusterSpec();
    spec.setAllowedIdentities(List.of("aws-irsa:arn:aws:iam::123456789012:role/team-a/*"));

    assertThat(IdentityPolicy.identityFor(ROLE, "vc", spec)).isEqualTo("aws-irsa:" + ROLE);
    assertThatThrownBy(() -> IdentityPolicy.identityFor("arn:aws:iam::123456789012:role/team-b/spark", "vc", spec))
        .hasMessage("executionRoleArn arn:aws:iam::123456789012:role/team-b/spark is not allowed in virtual cluster vc"
            + " (identity aws-irsa:arn:aws:iam::123456789012:role/team-b/spark); its allowed identities are"
            + " [aws-irsa:arn:aws:iam::123456789012:role/team-a/*]");
    assertThat(IdentityPolicy.matches("aws-irsa:arn:aws:iam::1:role/a.b", "aws-irsa:arn:aws:iam::1:role/aXb"))
        .as("a glob is literal but for *").isFalse();
  }
}
