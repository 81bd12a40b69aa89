package io.sparkube.local.api;

import static io.sparkube.local.api.ClusterServerTest.clientWithToken;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.local.PodLogLayout;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A cluster API server on an ephemeral port with a ServiceAccount {@code default/spark} and
 * clients for the admin and for that account's token, plus raw HTTPS for what fabric8 does not
 * send (plain watches, arbitrary paths).
 */
final class TestingCluster implements AutoCloseable {
  static final String SPARK_USER = "system:serviceaccount:default:spark";

  final LocalApiServer api;
  final PodLogLayout logs;
  final KubernetesClient admin;
  final KubernetesClient spark;
  final String sparkToken;

  TestingCluster(Path state) {
    logs = new PodLogLayout(state.resolve("logs"));
    api = LocalApiServer.startCluster(state, "127.0.0.1", 0, logs);
    admin = api.newClient();
    admin.serviceAccounts().resource(new ServiceAccountBuilder().withNewMetadata().withName("spark").endMetadata()
        .build()).create();
    sparkToken = api.tokenFor("default", "spark", List.of(), Duration.ofHours(1));
    spark = clientWithToken(api, sparkToken);
  }

  /** Binds a Role of {@code rules} named {@code name} to default/spark in namespace default. */
  void grant(String name, PolicyRule... rules) {
    admin.rbac().roles().resource(new RoleBuilder().withNewMetadata().withName(name).endMetadata().withRules(rules)
        .build()).create();
    admin.rbac().roleBindings().resource(new RoleBindingBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", "Role", name)
        .addNewSubject(null, "ServiceAccount", "spark", "default").build()).create();
  }

  static PolicyRule rule(String resource, String... verbs) {
    return new PolicyRuleBuilder().withApiGroups("").withResources(resource).withVerbs(verbs).build();
  }

  /** A raw request with {@code token} (null: none) trusting the cluster CA. */
  HttpResponse<String> send(String method, String path, String token) throws Exception {
    var ca = CertificateFactory.getInstance("X.509")
        .generateCertificate(new java.io.ByteArrayInputStream(api.caPem().getBytes(StandardCharsets.UTF_8)));
    var store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("ca", ca);
    var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    var ssl = SSLContext.getInstance("TLS");
    ssl.init(null, trust.getTrustManagers(), null);
    var request = HttpRequest.newBuilder(URI.create(api.url() + path)).timeout(Duration.ofSeconds(10))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newBuilder().sslContext(ssl).build().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    spark.close();
    admin.close();
    api.close();
  }
}
