package io.sparkube.submit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenTemplatesTest {
  private static final WorkloadToken AWS = new WorkloadToken("aws-iam-token", "sts.amazonaws.com", 86400,
      "/var/run/secrets/eks.amazonaws.com/serviceaccount", "token",
      Map.of("AWS_ROLE_ARN", "arn:aws:iam::111122223333:role/etl"));
  private static final WorkloadToken AZURE = new WorkloadToken("azure-identity-token", "api://AzureADTokenExchange",
      3600, "/var/run/secrets/azure/tokens", "azure-identity-token", Map.of("AZURE_CLIENT_ID", "a"));

  @Test
  void withoutAUserTemplateTheRememberedTextIsTheOneBuiltAfresh() {
    for (var token : new WorkloadToken[] {AWS, AZURE}) {
      for (var container : new String[] {IdentityConf.DRIVER_CONTAINER, IdentityConf.EXECUTOR_CONTAINER}) {
        var remembered = TokenTemplates.withToken(Optional.empty(), Optional.empty(), container, token);

        assertThat(remembered).isEqualTo(TokenTemplates.build(Optional.empty(), Optional.empty(), container, token));
        assertThat(TokenTemplates.withToken(Optional.empty(), Optional.empty(), container, token)).isSameAs(remembered);
      }
    }
  }

  @Test
  void eachTokenAndContainerHasItsOwnText() {
    var awsDriver = TokenTemplates.withToken(Optional.empty(), Optional.empty(), IdentityConf.DRIVER_CONTAINER, AWS);
    var awsExecutor = TokenTemplates.withToken(Optional.empty(), Optional.empty(), IdentityConf.EXECUTOR_CONTAINER, AWS);
    var azureDriver = TokenTemplates.withToken(Optional.empty(), Optional.empty(), IdentityConf.DRIVER_CONTAINER, AZURE);
    var sameValueToken = new WorkloadToken(AWS.volumeName(), AWS.audience(), AWS.expirationSeconds(),
        AWS.mountPath(), AWS.fileName(), AWS.env());

    assertThat(awsDriver).isNotEqualTo(awsExecutor).isNotEqualTo(azureDriver).contains("aws-iam-token");
    assertThat(azureDriver).contains("api://AzureADTokenExchange");
    assertThat(TokenTemplates.withToken(Optional.empty(), Optional.empty(), IdentityConf.DRIVER_CONTAINER,
        sameValueToken)).isSameAs(awsDriver);
  }

  @Test
  void aUserTemplateIsMergedEachTime() {
    var user = Serialization.unmarshal("""
        apiVersion: v1
        kind: Pod
        spec:
          containers: [{name: main, image: busybox}]
        """, Pod.class);

    var text = TokenTemplates.withToken(Optional.of(user), Optional.of("main"), IdentityConf.EXECUTOR_CONTAINER, AWS);

    assertThat(text).isEqualTo(TokenTemplates.build(Optional.of(user), Optional.of("main"),
        IdentityConf.EXECUTOR_CONTAINER, AWS)).contains("busybox");
    assertThat(user.getSpec().getVolumes()).isEmpty();
  }
}
