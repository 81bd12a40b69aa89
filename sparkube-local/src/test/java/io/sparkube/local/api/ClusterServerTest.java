package io.sparkube.local.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sparkube.local.PodLogLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterServerTest {
  @TempDir
  Path state;

  private LocalApiServer start() {
    return LocalApiServer.startCluster(state, "127.0.0.1", 0, new PodLogLayout(state.resolve("logs")));
  }

  static KubernetesClient clientWithToken(LocalApiServer api, String token) {
    var config = new ConfigBuilder(Config.empty()).withMasterUrl(api.url()).withNamespace("default")
        .withCaCertData(Base64.getEncoder().encodeToString(api.caPem().getBytes(StandardCharsets.UTF_8)))
        .withOauthToken(token).withRequestRetryBackoffLimit(0).build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  @Test
  void servesHttpsWithTheClusterCaAndStartsWithDefaultNamespaceObjects() {
    try (var api = start(); var client = api.newClient()) {
      assertThat(api.url()).startsWith("https://127.0.0.1:");
      assertThat(client.namespaces().withName("default").get().getStatus().getPhase()).isEqualTo("Active");
      assertThat(client.serviceAccounts().inNamespace("kube-system").withName("default").get()).isNotNull();
      assertThat(client.configMaps().withName("kube-root-ca.crt").get().getData())
          .containsEntry("ca.crt", api.caPem());
    }
  }

  @Test
  void aNewNamespaceGetsItsDefaultAccountAndRootCa() {
    try (var api = start(); var client = api.newClient()) {
      client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
          .withName("jobs").endMetadata().build()).create();
      assertThat(client.serviceAccounts().inNamespace("jobs").withName("default").get()).isNotNull();
      assertThat(client.configMaps().inNamespace("jobs").withName("kube-root-ca.crt").get()).isNotNull();
    }
  }

  @Test
  void restartKeepsTheCaAndAdminToken() {
    String ca;
    try (var api = start()) {
      ca = api.caPem();
    }
    try (var api = start(); var client = api.newClient()) {
      assertThat(api.caPem()).isEqualTo(ca);
      assertThat(client.pods().list().getItems()).isEmpty();
      assertThat(Files.readString(api.kubeconfig())).contains("server: " + api.url());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void rejectsWrongAndMissingTokens() {
    try (var api = start(); var wrong = clientWithToken(api, "not-the-token");
        var anonymous = clientWithToken(api, null)) {
      assertThatThrownBy(() -> wrong.pods().list()).isInstanceOf(KubernetesClientException.class)
          .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(401));
      assertThatThrownBy(() -> anonymous.pods().list())
          .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(401));
      assertThat(anonymous.getKubernetesVersion().getGitVersion()).isEqualTo("v1.33.0");
    }
  }

  @Test
  void podsGetTheDefaultAccountAndAProjectedTokenVolume() {
    try (var api = start(); var client = api.newClient()) {
      var pod = client.pods().resource(pod("p").build()).create();
      assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("default");
      var volume = pod.getSpec().getVolumes().get(0);
      assertThat(volume.getName()).matches("kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}");
      var sources = volume.getProjected().getSources();
      assertThat(sources.get(0).getServiceAccountToken().getExpirationSeconds()).isEqualTo(3607L);
      assertThat(sources.get(0).getServiceAccountToken().getPath()).isEqualTo("token");
      assertThat(sources.get(1).getConfigMap().getName()).isEqualTo("kube-root-ca.crt");
      assertThat(sources.get(2).getDownwardAPI().getItems().get(0).getFieldRef().getFieldPath())
          .isEqualTo("metadata.namespace");
      var mount = pod.getSpec().getContainers().get(0).getVolumeMounts().get(0);
      assertThat(mount.getMountPath()).isEqualTo("/var/run/secrets/kubernetes.io/serviceaccount");
      assertThat(mount.getReadOnly()).isTrue();
      assertThat(mount.getName()).isEqualTo(volume.getName());
    }
  }

  @Test
  void podsWithoutAutomountOrWithAMissingAccount() {
    try (var api = start(); var client = api.newClient()) {
      var quiet = client.pods().resource(pod("quiet").editSpec().withAutomountServiceAccountToken(false).endSpec()
          .build()).create();
      assertThat(quiet.getSpec().getVolumes()).isEmpty();
      assertThatThrownBy(() -> client.pods().resource(pod("lost").editSpec().withServiceAccountName("spark")
          .endSpec().build()).create())
          .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403))
          .hasMessageContaining("serviceaccount \"spark\" not found");
    }
  }

  @Test
  void tokenRequestReturnsAJwtThatAuthenticatesAndVerifiesAgainstTheJwks() throws Exception {
    try (var api = start(); var client = api.newClient()) {
      client.serviceAccounts().resource(new ServiceAccountBuilder().withNewMetadata().withName("spark")
          .endMetadata().build()).create();
      var request = client.serviceAccounts().withName("spark").tokenRequest(new TokenRequestBuilder().withNewSpec()
          .withAudiences("sts.amazonaws.com").withExpirationSeconds(3600L).endSpec().build());
      var jwt = SignedJWT.parse(request.getStatus().getToken());
      var jwks = JWKSet.parse(fetch(api, "/openid/v1/jwks"));
      assertThat(jwt.verify(new RSASSAVerifier(jwks.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey()))).isTrue();
      var claims = jwt.getJWTClaimsSet();
      assertThat(claims.getSubject()).isEqualTo("system:serviceaccount:default:spark");
      assertThat(claims.getIssuer()).isEqualTo(api.issuer());
      assertThat(claims.getAudience()).containsExactly("sts.amazonaws.com");
      assertThat(claims.getJSONObjectClaim("kubernetes.io")).containsEntry("namespace", "default");
      assertThat(fetch(api, "/.well-known/openid-configuration")).contains("\"jwks_uri\":\"" + api.issuer());

      // Another audience does not authenticate here (401); the API server's own does, and then RBAC,
      // with nothing granted to this account, forbids (403).
      try (var sts = clientWithToken(api, request.getStatus().getToken());
          var own = clientWithToken(api, api.tokenFor("default", "spark", List.of(), Duration.ofHours(1)))) {
        assertThatThrownBy(() -> sts.pods().list())
            .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(401));
        assertThatThrownBy(() -> own.pods().list())
            .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403));
      }
    }
  }

  private static String fetch(LocalApiServer api, String path) throws Exception {
    var cf = java.security.cert.CertificateFactory.getInstance("X.509");
    var ca = cf.generateCertificate(new java.io.ByteArrayInputStream(api.caPem().getBytes(StandardCharsets.UTF_8)));
    var store = java.security.KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("ca", ca);
    var tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    var ssl = javax.net.ssl.SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    var http = java.net.http.HttpClient.newBuilder().sslContext(ssl).build();
    // Anonymous on purpose: external verifiers fetch these without credentials.
    var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.url() + path)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  static PodBuilder pod(String name) {
    return new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().addNewContainer()
        .withName("c").withImage("i").endContainer().endSpec();
  }
}
