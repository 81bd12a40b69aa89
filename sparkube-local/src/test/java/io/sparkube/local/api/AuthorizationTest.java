package io.sparkube.local.api;

import static io.sparkube.local.api.ClusterServerTest.pod;
import static io.sparkube.local.api.TestingCluster.SPARK_USER;
import static io.sparkube.local.api.TestingCluster.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RBAC on the cluster's API server, seen by a ServiceAccount's fabric8 client and by raw HTTP. */
class AuthorizationTest {
  @TempDir
  Path state;

  private static KubernetesClientException forbidden(ThrowingCallable call) {
    var thrown = catchThrowableOfType(KubernetesClientException.class, call);
    assertThat(thrown).as("a 403").isNotNull();
    assertThat(thrown.getCode()).as(thrown.getMessage()).isEqualTo(403);
    return thrown;
  }

  @Test
  void deniesWithKubeApiserversMessageUntilARoleIsBound() {
    try (var cluster = new TestingCluster(state)) {
      var denied = forbidden(() -> cluster.spark.pods().resource(pod("driver").build()).create());
      assertThat(denied.getStatus().getMessage()).isEqualTo("pods is forbidden: User \"" + SPARK_USER
          + "\" cannot create resource \"pods\" in API group \"\" in the namespace \"default\"");
      assertThat(denied.getStatus().getReason()).isEqualTo("Forbidden");
      assertThat(denied.getStatus().getDetails().getKind()).isEqualTo("pods");

      // Takes effect with the very next request: nothing is cached.
      cluster.grant("driver", rule("pods", "create", "get", "list"));
      assertThat(cluster.spark.pods().resource(pod("driver").build()).create().getMetadata().getName())
          .isEqualTo("driver");
      assertThat(cluster.spark.pods().withName("driver").get()).isNotNull();
      assertThat(cluster.spark.pods().list().getItems()).hasSize(1);
      // A Role's namespace is its reach.
      forbidden(() -> cluster.spark.pods().inNamespace("kube-system").list());
    }
  }

  @Test
  void namedClusterScopedGroupAndSubresourceDenialsReadLikeKubes() {
    try (var cluster = new TestingCluster(state)) {
      cluster.admin.pods().resource(pod("driver").build()).create();
      assertThat(forbidden(() -> cluster.spark.pods().withName("driver").delete()).getStatus().getMessage())
          .isEqualTo("pods \"driver\" is forbidden: User \"" + SPARK_USER
              + "\" cannot delete resource \"pods\" in API group \"\" in the namespace \"default\"");
      assertThat(forbidden(() -> cluster.spark.namespaces().list()).getStatus().getMessage())
          .isEqualTo("namespaces is forbidden: User \"" + SPARK_USER
              + "\" cannot list resource \"namespaces\" in API group \"\" at the cluster scope");
      assertThat(forbidden(() -> cluster.spark.rbac().roles().list()).getStatus().getMessage())
          .isEqualTo("roles.rbac.authorization.k8s.io is forbidden: User \"" + SPARK_USER
              + "\" cannot list resource \"roles\" in API group \"rbac.authorization.k8s.io\" "
              + "in the namespace \"default\"");
      var log = forbidden(() -> cluster.spark.pods().withName("driver").getLog());
      assertThat(log.getStatus().getMessage()).isEqualTo("pods \"driver\" is forbidden: User \"" + SPARK_USER
          + "\" cannot get resource \"pods/log\" in API group \"\" in the namespace \"default\"");
      assertThat(log.getStatus().getDetails().getName()).isEqualTo("driver");
    }
  }

  @Test
  void podLogsNeedThePodsLogSubresource() throws Exception {
    try (var cluster = new TestingCluster(state)) {
      cluster.admin.pods().resource(pod("driver").build()).create();
      var file = cluster.logs.logFile("default", "driver", "c");
      Files.createDirectories(file.getParent());
      Files.writeString(file, "Pi is roughly 3.14\n");
      cluster.grant("pods", rule("pods", "get"));
      forbidden(() -> cluster.spark.pods().withName("driver").getLog());
      cluster.grant("logs", rule("pods/log", "get"));
      assertThat(cluster.spark.pods().withName("driver").getLog()).isEqualTo("Pi is roughly 3.14\n");
    }
  }

  @Test
  void watchesOverWebsocketsAndHttpNeedTheWatchVerb() throws Exception {
    try (var cluster = new TestingCluster(state)) {
      cluster.grant("list", rule("pods", "list"));
      var events = new CopyOnWriteArrayList<String>();
      Watcher<Pod> watcher = new Watcher<>() {
        @Override
        public void eventReceived(Action action, Pod pod) {
          events.add(action + " " + pod.getMetadata().getName());
        }

        @Override
        public void onClose(WatcherException cause) {}
      };
      forbidden(() -> cluster.spark.pods().watch(watcher));
      var http = cluster.send("GET", "/api/v1/namespaces/default/pods?watch=true", cluster.sparkToken);
      assertThat(http.statusCode()).isEqualTo(403);
      assertThat(Serialization.unmarshal(http.body(), Status.class).getMessage()).isEqualTo("pods is forbidden: User \""
          + SPARK_USER + "\" cannot watch resource \"pods\" in API group \"\" in the namespace \"default\"");

      cluster.grant("watch", rule("pods", "watch"));
      try (var ignored = cluster.spark.pods().watch(watcher)) {
        cluster.admin.pods().resource(pod("executor").build()).create();
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> events.contains("ADDED executor"));
      }
    }
  }

  @Test
  void resourceNamesLimitRequestsToThoseObjects() {
    try (var cluster = new TestingCluster(state)) {
      for (var name : new String[] {"mine", "theirs"}) {
        cluster.admin.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata()
            .build()).create();
      }
      cluster.grant("mine", new PolicyRuleBuilder().withApiGroups("").withResources("configmaps")
          .withResourceNames("mine").withVerbs("get", "list", "delete").build());
      assertThat(cluster.spark.configMaps().withName("mine").get()).isNotNull();
      forbidden(() -> cluster.spark.configMaps().withName("theirs").get());
      forbidden(() -> cluster.spark.configMaps().list());
      // A list that selects the name is a request for that object, as on a real cluster.
      assertThat(cluster.spark.configMaps().withField("metadata.name", "mine").list().getItems()).hasSize(1);
      cluster.spark.configMaps().withName("mine").delete();
      assertThat(cluster.admin.configMaps().withName("mine").get()).isNull();
    }
  }

  @Test
  void clusterRoleBindingsToGroups() {
    try (var cluster = new TestingCluster(state)) {
      cluster.admin.rbac().clusterRoles().resource(new ClusterRoleBuilder().withNewMetadata().withName("ns-reader")
          .endMetadata().addToRules(rule("namespaces", "list")).build()).create();
      cluster.admin.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata()
          .withName("accounts-read-ns").endMetadata().withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole",
              "ns-reader").addNewSubject("rbac.authorization.k8s.io", "Group", "system:serviceaccounts:default", null)
          .build()).create();
      assertThat(cluster.spark.namespaces().list().getItems()).extracting(n -> n.getMetadata().getName())
          .contains("default", "kube-system");
    }
  }

  @Test
  void discoveryIsOpenToEveryoneSignedInOtherPathsAreNot() throws Exception {
    try (var cluster = new TestingCluster(state)) {
      assertThat(cluster.spark.getApiGroups().getGroups()).isNotEmpty();
      assertThat(cluster.send("GET", "/api/v1", cluster.sparkToken).statusCode()).isEqualTo(200);
      assertThat(cluster.send("GET", "/apis/apps/v1", cluster.sparkToken).statusCode()).isEqualTo(200);
      var metrics = cluster.send("GET", "/metrics", cluster.sparkToken);
      assertThat(metrics.statusCode()).isEqualTo(403);
      assertThat(Serialization.unmarshal(metrics.body(), Status.class).getMessage())
          .isEqualTo("forbidden: User \"" + SPARK_USER + "\" cannot get path \"/metrics\"");
      assertThat(cluster.send("GET", "/api/v1/namespaces/default/pods", null).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void onlyTheAdminMayImpersonate() {
    try (var cluster = new TestingCluster(state);
        var asAlice = impersonating(cluster, cluster.sparkToken, "alice");
        var adminAsSpark = impersonating(cluster, adminToken(), SPARK_USER)) {
      assertThat(forbidden(() -> asAlice.pods().list()).getStatus().getMessage()).isEqualTo("users \"alice\" is "
          + "forbidden: User \"" + SPARK_USER + "\" cannot impersonate resource \"users\" in API group \"\" "
          + "at the cluster scope");
      // The admin acting as the account is held to the account's permissions.
      assertThat(forbidden(() -> adminAsSpark.pods().list()).getStatus().getMessage())
          .startsWith("pods is forbidden: User \"" + SPARK_USER + "\"");
      cluster.grant("list", rule("pods", "list"));
      assertThat(adminAsSpark.pods().list().getItems()).isEmpty();
    }
  }

  @Test
  void theAuditLogHasALinePerServiceAccountDecision() throws Exception {
    try (var cluster = new TestingCluster(state)) {
      cluster.grant("driver", rule("pods", "get"));
      cluster.admin.pods().resource(pod("driver").build()).create();
      // Raw requests: a client may add requests of its own (fabric8 lists after a failed delete).
      var pod = "/api/v1/namespaces/default/pods/driver";
      assertThat(cluster.send("GET", pod, cluster.sparkToken).statusCode()).isEqualTo(200);
      assertThat(cluster.send("DELETE", pod, cluster.sparkToken).statusCode()).isEqualTo(403);
      assertThat(cluster.send("GET", pod + "/log", cluster.sparkToken).statusCode()).isEqualTo(403);

      assertThat(cluster.api.auditLog()).isEqualTo(state.resolve("audit.jsonl"));
      var lines = Files.readAllLines(cluster.api.auditLog()).stream()
          .map(line -> Serialization.unmarshal(line, JsonNode.class)).toList();
      // The admin's own requests (the grant, creating the pod) are not recorded.
      assertThat(lines).extracting(line -> line.get("verb").asText() + " " + line.get("resource").asText() + "/"
          + line.get("subresource").asText() + " " + line.get("allowed").asBoolean())
          .containsExactly("get pods/ true", "delete pods/ false", "get pods/log false");
      var first = lines.get(0);
      assertThat(first.get("user").asText()).isEqualTo(SPARK_USER);
      assertThat(first.get("apiGroup").asText()).isEmpty();
      assertThat(first.get("namespace").asText()).isEqualTo("default");
      assertThat(first.get("name").asText()).isEqualTo("driver");
      assertThat(first.has("time")).isTrue();
    }
  }

  @Test
  void aServerWithoutAuthenticationStaysOpen() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      client.rbac().roles().list();
      assertThat(client.pods().resource(pod("p").build()).create()).isNotNull();
    }
  }

  private String adminToken() {
    try {
      return Files.readString(state.resolve("admin.token")).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KubernetesClient impersonating(TestingCluster cluster, String token,
      String user) {
    var config = new ConfigBuilder(Config.empty()).withMasterUrl(cluster.api.url()).withNamespace("default")
        .withCaCertData(Base64.getEncoder().encodeToString(cluster.api.caPem().getBytes(StandardCharsets.UTF_8)))
        .withOauthToken(token).withImpersonateUsername(user).withRequestRetryBackoffLimit(0).build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
