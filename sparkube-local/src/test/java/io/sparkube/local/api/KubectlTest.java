package io.sparkube.local.api;

import static io.sparkube.local.api.ClusterServerTest.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.sparkube.local.PodLogLayout;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubectl's basics against the cluster's API server, through the kubeconfig it writes. */
class KubectlTest {
  private static Path kubectl;

  @TempDir
  Path state;

  @BeforeAll
  static void findKubectl() {
    for (var dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      var candidate = Path.of(dir, "kubectl");
      if (Files.isExecutable(candidate)) {
        kubectl = candidate;
        break;
      }
    }
    assumeTrue(kubectl != null, "kubectl is not on PATH");
  }

  private record Run(int code, String out) {}

  private Run kubectl(LocalApiServer api, String... args) throws Exception {
    var command = new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", api.kubeconfig().toString()));
    command.addAll(List.of(args));
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kubectl %s finished", List.of(args)).isTrue();
    return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void getLogsAndDelete() throws Exception {
    var layout = new PodLogLayout(state.resolve("logs"));
    try (var api = LocalApiServer.startCluster(state, "127.0.0.1", 0, layout); var client = api.newClient()) {
      client.pods().resource(pod("driver").editMetadata().addToLabels("spark-role", "driver").endMetadata()
          .build()).create();
      Files.createDirectories(layout.podDir("default", "driver"));
      Files.writeString(layout.logFile("default", "driver", "c"), "Pi is roughly 3.14\n");

      var namespaces = kubectl(api, "get", "namespaces");
      assertThat(namespaces.out()).contains("default", "kube-system", "Active");
      var pods = kubectl(api, "get", "pods", "-l", "spark-role=driver");
      assertThat(pods.code()).as(pods.out()).isZero();
      assertThat(pods.out()).contains("driver", "0/1", "Pending");
      var logs = kubectl(api, "logs", "driver");
      assertThat(logs.out()).isEqualTo("Pi is roughly 3.14\n");
      var delete = kubectl(api, "delete", "pod", "driver");
      assertThat(delete.code()).as(delete.out()).isZero();
      assertThat(delete.out()).contains("pod \"driver\" deleted");
      assertThat(kubectl(api, "get", "pods", "-o", "name").out()).doesNotContain("driver");
    }
  }

  @Test
  void authCanIImpersonatesAServiceAccountAndFollowsItsRole() throws Exception {
    try (var api = LocalApiServer.startCluster(state, "127.0.0.1", 0, null); var client = api.newClient()) {
      client.serviceAccounts().resource(new ServiceAccountBuilder().withNewMetadata().withName("spark").endMetadata()
          .build()).create();
      var asSpark = "--as=system:serviceaccount:default:spark";
      var before = kubectl(api, "auth", "can-i", "create", "pods", asSpark, "-n", "default");
      assertThat(before.out().strip()).as(before.out()).isEqualTo("no");
      assertThat(before.code()).isEqualTo(1);

      client.rbac().roles().resource(new RoleBuilder().withNewMetadata().withName("driver").endMetadata()
          .addNewRule().withApiGroups("").withResources("pods").withVerbs("create").endRule().build()).create();
      client.rbac().roleBindings().resource(new RoleBindingBuilder().withNewMetadata().withName("driver").endMetadata()
          .withNewRoleRef("rbac.authorization.k8s.io", "Role", "driver")
          .addNewSubject(null, "ServiceAccount", "spark", "default").build()).create();
      var after = kubectl(api, "auth", "can-i", "create", "pods", asSpark, "-n", "default");
      assertThat(after.code()).as(after.out()).isZero();
      assertThat(after.out().strip()).isEqualTo("yes");
      assertThat(kubectl(api, "auth", "can-i", "delete", "pods", asSpark, "-n", "default").out().strip())
          .isEqualTo("no");
      assertThat(kubectl(api, "auth", "can-i", "create", "pods", asSpark, "-n", "kube-system").out().strip())
          .isEqualTo("no");
      var list = kubectl(api, "auth", "can-i", "--list", asSpark, "-n", "default");
      assertThat(list.code()).as(list.out()).isZero();
      assertThat(list.out()).contains("pods", "[create]");
      // The kubeconfig's own user (the admin) may do anything.
      assertThat(kubectl(api, "auth", "can-i", "delete", "pods", "-n", "kube-system").out().strip()).isEqualTo("yes");
    }
  }

  @Test
  void imperativeCreatesAnswerInsteadOfHanging() throws Exception {
    try (var api = LocalApiServer.startCluster(state, "127.0.0.1", 0, null)) {
      var created = kubectl(api, "create", "serviceaccount", "spark");
      // kubectl sends this one as protobuf; either it falls back to JSON or it says why not.
      if (created.code() == 0) {
        assertThat(kubectl(api, "get", "serviceaccount", "spark", "-o", "name").out()).contains("spark");
      } else {
        assertThat(created.out()).contains("the local cluster reads JSON and YAML bodies");
      }
    }
  }

  @Test
  void deleteWaitsForABoundPodToGo() throws Exception {
    try (var api = LocalApiServer.startCluster(state, "127.0.0.1", 0, null); var client = api.newClient()) {
      client.pods().resource(pod("running").editSpec().withNodeName("local").endSpec().build()).create();
      // Nobody finalizes: kubectl's wait (a watch over HTTP) ends when the API server removes it.
      var delete = kubectl(api, "delete", "pod", "running", "--grace-period=1");
      assertThat(delete.code()).as(delete.out()).isZero();
      assertThat(client.pods().withName("running").get()).isNull();
    }
  }

  @Test
  void createsAndListsCustomResources() throws Exception {
    try (var api = LocalApiServer.startCluster(state, "127.0.0.1", 0, null)) {
      var crd = state.resolve("crd.yaml");
      Files.writeString(crd, """
          apiVersion: apiextensions.k8s.io/v1
          kind: CustomResourceDefinition
          metadata:
            name: sparkapplications.sparkube.io
          spec:
            group: sparkube.io
            scope: Namespaced
            names: {kind: SparkApplication, plural: sparkapplications, singular: sparkapplication, shortNames: [sparkapp]}
            versions:
            - name: v1alpha1
              served: true
              storage: true
              schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
          ---
          apiVersion: v1
          kind: Namespace
          metadata: {name: jobs}
          """);
      var app = state.resolve("app.yaml");
      Files.writeString(app, """
          apiVersion: sparkube.io/v1alpha1
          kind: SparkApplication
          metadata: {name: pi, namespace: jobs}
          spec: {mainClass: Pi}
          """);
      // No OpenAPI documents are served, so kubectl's client-side validation must be off.
      var created = kubectl(api, "create", "--validate=false", "-f", crd.toString());
      assertThat(created.code()).as(created.out()).isZero();
      var createdApp = kubectl(api, "create", "--validate=false", "-f", app.toString());
      assertThat(createdApp.code()).as(createdApp.out()).isZero();
      var listed = kubectl(api, "get", "sparkapp", "-n", "jobs");
      assertThat(listed.code()).as(listed.out()).isZero();
      assertThat(listed.out()).contains("pi");
      assertThat(kubectl(api, "get", "serviceaccounts", "-n", "jobs").out()).contains("default");
    }
  }
}
