package io.sparkube.cli.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.cli.Sparkube;
import io.sparkube.cli.Terminal;
import io.sparkube.local.api.LocalApiServer;
import io.sparkube.model.error.Failure;
import io.sparkube.submit.SubmitEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sparkube control-plane install and manifests, against the local API server's plain store: the
 * fabric8 mock server in CRUD mode, plus the server-side apply the install uses (which the bare
 * mock server answers with 404 for an object that does not exist yet).
 */
class InstallCommandTest {
  private static final String ACCESS = "sparkube-control-plane-sparkube-system";

  @TempDir
  Path home;
  private LocalApiServer api;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    api = LocalApiServer.start();
    client = api.newClient();
  }

  @AfterEach
  void stop() {
    client.close();
    api.close();
  }

  record Run(int exitCode, String out, String err) {}

  private Run sparkube(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var terminal = new Terminal(new PrintWriter(out, true), new PrintWriter(err, true), false,
        new SubmitEnvironment(Map.of("HOME", home.toString()), "tester", home));
    int code = Sparkube.run(args, terminal);
    return new Run(code, out.toString(), err.toString());
  }

  private Run install(String... extra) {
    var args = new ArrayList<>(List.of("control-plane", "install", "--master", "k8s://" + api.url()));
    args.addAll(List.of(extra));
    return sparkube(args.toArray(String[]::new));
  }

  @Test
  void listedJobNamespacesGetARoleAndBindingEach() {
    var run = install("--job-namespaces", "team-a,team-b");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("applied role/" + ACCESS + " in team-a", "applied rolebinding/" + ACCESS
        + " in team-b", "applied clusterrole/" + ACCESS + "\n", "applied deployment/sparkube-control-plane\n");
    for (var namespace : List.of("team-a", "team-b")) {
      assertThat(client.rbac().roles().inNamespace(namespace).withName(ACCESS).get().getRules())
          .extracting(rule -> rule.getResources().get(0)).contains("pods", "roles", "rolebindings", "serviceaccounts")
          .doesNotContain("virtualclusters", "namespaces");
      assertThat(client.rbac().roleBindings().inNamespace(namespace).withName(ACCESS).get().getSubjects())
          .singleElement().satisfies(subject -> assertThat(subject.getNamespace()).isEqualTo("sparkube-system"));
    }
    assertThat(client.rbac().roles().inNamespace("sparkube-system").list().getItems()).isEmpty();
    assertThat(client.rbac().clusterRoles().withName(ACCESS).get().getRules())
        .extracting(rule -> rule.getResources().get(0)).doesNotContain("serviceaccounts", "roles");
    assertThat(run.out()).contains("control plane installed in namespace sparkube-system",
        "http://sparkube-control-plane.sparkube-system.svc:8443", "namespace(s) team-a, team-b");
  }

  @Test
  void installingAgainChangesNothingAndKeepsTheToken() {
    var first = install();
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).contains("created secret/sparkube-control-plane");
    var token = client.secrets().inNamespace("sparkube-system").withName("sparkube-control-plane").get().getData();
    var deployment = client.apps().deployments().inNamespace("sparkube-system").withName("sparkube-control-plane")
        .get().getSpec();
    var rules = client.rbac().clusterRoles().withName(ACCESS).get().getRules();

    var second = install();

    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.err()).contains("kept secret/sparkube-control-plane");
    assertThat(client.secrets().inNamespace("sparkube-system").withName("sparkube-control-plane").get().getData())
        .isEqualTo(token).containsOnlyKeys("token");
    assertThat(client.apps().deployments().inNamespace("sparkube-system").withName("sparkube-control-plane").get()
        .getSpec()).isEqualTo(deployment);
    assertThat(client.rbac().clusterRoles().withName(ACCESS).get().getRules()).isEqualTo(rules);
    assertThat(client.apiextensions().v1().customResourceDefinitions().list().getItems())
        .extracting(crd -> crd.getMetadata().getName())
        .containsExactlyInAnyOrder("sparkapplications.sparkube.io", "virtualclusters.sparkube.io");
    assertThat(client.services().inNamespace("sparkube-system").withName("sparkube-control-plane").get()).isNotNull();
    assertThat(client.namespaces().withName("sparkube-system").get()).isNotNull();
  }

  @Test
  void dryRunPrintsWhatManifestsPrintsAndCreatesNothing() {
    var dryRun = install("--dry-run", "-n", "platform", "--job-namespaces", "team-a", "--image", "example/sparkube:1");
    var manifests = sparkube("control-plane", "manifests", "-n", "platform", "--job-namespaces", "team-a",
        "--image", "example/sparkube:1");

    assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
    assertThat(manifests.exitCode()).as(manifests.err()).isZero();
    assertThat(dryRun.out()).isEqualTo(manifests.out()).contains("kind: \"CustomResourceDefinition\"",
        "kind: \"Namespace\"", "kind: \"ClusterRole\"", "kind: \"Role\"", "namespace: \"team-a\"",
        "image: \"example/sparkube:1\"", "kind: \"Deployment\"", "kind: \"Service\"")
        .doesNotContain("kind: \"Secret\"");
    assertThat(dryRun.err()).isEqualTo(manifests.err()).contains("kubectl -n platform create secret generic"
        + " sparkube-control-plane --from-literal=token=");
    assertThat(client.namespaces().list().getItems()).isEmpty();
    assertThat(client.apiextensions().v1().customResourceDefinitions().list().getItems()).isEmpty();
    assertThat(client.rbac().clusterRoles().list().getItems()).isEmpty();
    assertThat(client.secrets().inAnyNamespace().list().getItems()).isEmpty();
  }

  @Test
  void aBadNamespaceIsRefusedBeforeAnythingIsApplied() {
    var run = install("--job-namespaces", "team-a,Team_B");

    assertThat(run.exitCode()).isEqualTo(Failure.INVALID_NAME.exitCode());
    assertThat(run.err()).contains("--job-namespaces: \"Team_B\" is not a DNS-1123 label");
    assertThat(client.namespaces().list().getItems()).isEmpty();
    assertThat(client.secrets().inAnyNamespace().list().getItems()).isEmpty();
  }
}
