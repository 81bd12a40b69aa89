package io.sparkube.submit.identity.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.sparkube.local.api.LocalApiServer;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(https = false)
class IssuerDiscoveryTest {
  KubernetesClient client;
  KubernetesMockServer server;

  @Test
  void readsTheIssuerTheLocalClusterServes(@TempDir Path state) {
    try (var api = LocalApiServer.startCluster(state, "127.0.0.1", 0, null); var admin = api.newClient()) {
      assertThat(IssuerDiscovery.issuer(admin)).isEqualTo(new OidcIssuer(api.issuer()));
    }
  }

  @Test
  void aServerWithoutAnIssuerSaysSo() {
    try (var api = LocalApiServer.start(); var plain = api.newClient()) {
      assertThatThrownBy(() -> IssuerDiscovery.issuer(plain))
          .isInstanceOfSatisfying(SparkubeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.API_ERROR))
          .hasMessage("the API server at " + api.url() + "/ serves a /.well-known/openid-configuration without"
              + " an issuer");
    }
  }

  @Test
  void aMissingDocumentMeansDiscoveryIsOff() {
    server.expect().get().withPath(IssuerDiscovery.PATH).andReturn(404, "{}").once();

    assertThatThrownBy(() -> IssuerDiscovery.issuer(client)).hasMessageEndingWith(
        "serves no /.well-known/openid-configuration (service account issuer discovery is off)");
  }

  @Test
  void aRefusalNamesTheClusterRole() {
    server.expect().get().withPath(IssuerDiscovery.PATH).andReturn(403, "{}").once();

    assertThatThrownBy(() -> IssuerDiscovery.issuer(client))
        .isInstanceOfSatisfying(SparkubeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.FORBIDDEN))
        .hasMessageContaining("system:service-account-issuer-discovery");
  }

  @Test
  void aDocumentWithoutAnHttpsIssuerIsRefused() {
    server.expect().get().withPath(IssuerDiscovery.PATH).andReturn(200, "{\"jwks_uri\":\"x\"}").once();
    assertThatThrownBy(() -> IssuerDiscovery.issuer(client)).hasMessageEndingWith("without an issuer");

    server.expect().get().withPath(IssuerDiscovery.PATH).andReturn(200, "{\"issuer\":\"http://k8s.example.com\"}")
        .once();
    assertThatThrownBy(() -> IssuerDiscovery.issuer(client))
        .hasMessageStartingWith("the cluster's issuer http://k8s.example.com: not an https URL");
  }
}
