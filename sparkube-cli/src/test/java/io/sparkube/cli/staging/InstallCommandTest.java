package io.sparkube.cli.staging;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkube.cli.Terminal;
import io.sparkube.local.api.LocalApiServer;
import io.sparkube.model.error.Failure;
import io.sparkube.submit.SubmitEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** sparkube staging install's read access to pods, applied to a local API server, and shown by --dry-run. */
class InstallCommandTest {
  @TempDir
  Path home;

  record Run(int exitCode, String out, String err) {}

  private Run install(LocalApiServer api, String... extra) {
    var out = new StringWriter();
    var err = new StringWriter();
    var terminal = new Terminal(new PrintWriter(out, true), new PrintWriter(err, true), false,
        new SubmitEnvironment(Map.of("HOME", home.toString()), "tester", home));
    var args = new ArrayList<>(List.of("--master", "k8s://" + api.url(), "-n", "sparkube"));
    args.addAll(List.of(extra));
    int code = new CommandLine(new InstallCommand(terminal)).execute(args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void rolesInEachJobNamespaceAreAppliedAndApplyingAgainChangesNothing() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      var first = install(api, "--job-namespaces", "sparkube,team-a");
      assertThat(first.exitCode()).as(first.err()).isZero();
      assertThat(first.err()).contains("applied role/sparkube-staging-sparkube in team-a",
          "applied rolebinding/sparkube-staging-sparkube in team-a", "applied role/sparkube-staging-sparkube\n");
      var role = client.rbac().roles().inNamespace("team-a").withName("sparkube-staging-sparkube").get();

      var second = install(api, "--job-namespaces", "sparkube,team-a");

      assertThat(second.exitCode()).as(second.err()).isZero();
      assertThat(client.rbac().roles().inNamespace("team-a").withName("sparkube-staging-sparkube").get().getRules())
          .isEqualTo(role.getRules()).singleElement()
          .satisfies(rule -> assertThat(rule.getVerbs()).containsExactly("get", "list", "watch"));
      assertThat(client.rbac().roleBindings().inNamespace("sparkube").withName("sparkube-staging-sparkube").get()
          .getSubjects()).singleElement().satisfies(s -> assertThat(s.getName()).isEqualTo("sparkube-staging"));
      assertThat(client.rbac().clusterRoles().list().getItems()).isEmpty();
      assertThat(second.out()).contains("releases the files of jobs whose driver pods end in namespace(s) sparkube,"
          + " team-a");
    }
  }

  @Test
  void allNamespacesApplyAClusterRoleAndItsBinding() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      var run = install(api, "--job-namespaces", "*");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(client.rbac().clusterRoles().withName("sparkube-staging-sparkube").get().getRules())
          .singleElement().satisfies(rule -> assertThat(rule.getResources()).containsExactly("pods"));
      assertThat(client.rbac().clusterRoleBindings().withName("sparkube-staging-sparkube").get().getRoleRef()
          .getKind()).isEqualTo("ClusterRole");
      assertThat(client.rbac().roles().inAnyNamespace().list().getItems()).isEmpty();
    }
  }

  @Test
  void dryRunShowsTheAccessWithoutApplyingIt() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      var byDefault = install(api, "--dry-run");
      var everywhere = install(api, "--dry-run", "--job-namespaces", "*");

      assertThat(byDefault.out()).contains("kind: \"Role\"", "kind: \"RoleBinding\"", "- \"--watch-jobs\"",
          "- \"--job-namespaces\"").doesNotContain("ClusterRole");
      var documents = Arrays.stream(everywhere.out().split("---\n"));
      assertThat(documents.filter(doc -> doc.contains("\nkind: \"ClusterRole\"\n")))
          .singleElement().asString().doesNotContain("namespace:");
      assertThat(everywhere.out()).contains("kind: \"ClusterRoleBinding\"").doesNotContain("kind: \"Role\"",
          "--job-namespaces");
      assertThat(client.rbac().roles().inAnyNamespace().list().getItems()).isEmpty();
      assertThat(client.rbac().clusterRoles().list().getItems()).isEmpty();
    }
  }

  @Test
  void aBadJobNamespaceIsRefusedBeforeAnythingIsApplied() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      var run = install(api, "--job-namespaces", "team-a,Team_B");

      assertThat(run.exitCode()).isEqualTo(Failure.INVALID_NAME.exitCode());
      assertThat(run.err()).contains("--job-namespaces: \"Team_B\" is not a DNS-1123 label");
      assertThat(client.secrets().inAnyNamespace().list().getItems()).isEmpty();
    }
  }
}
