package io.sparkube.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.sparkube.local.api.LocalApiServer;
import io.sparkube.model.error.Failure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every documented failure of sparkube submit: its own exit code, one line that names the fix,
 * and nothing left in the cluster.
 */
class SubmitFailuresTest {
  private static final String IMAGE = "spark.kubernetes.container.image=apache/spark:3.5.6";
  private static final String JAR = "local:///opt/spark/examples/jars/spark-examples_2.12-3.5.6.jar";

  @TempDir
  Path home;

  private static List<String> submit(String master, String... extra) {
    var args = new ArrayList<>(List.of("submit", "--master", master, "--deploy-mode", "cluster",
        "--class", "org.apache.spark.examples.SparkPi", "--conf", IMAGE, "--no-wait"));
    args.addAll(List.of(extra));
    return args;
  }

  private CliRun run(List<String> args) {
    return CliRun.of(home, args.toArray(String[]::new));
  }

  private static void assertFailed(CliRun run, Failure failure, String... messageParts) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(failure.exitCode());
    assertThat(run.errorLine()).contains(messageParts);
    assertThat(run.out()).isEmpty();
  }

  private static void assertEmpty(LocalApiServer api) {
    try (var client = api.newClient()) {
      assertThat(client.pods().inAnyNamespace().list().getItems()).isEmpty();
      assertThat(client.services().inAnyNamespace().list().getItems()).isEmpty();
      assertThat(client.configMaps().inAnyNamespace().list().getItems()).isEmpty();
    }
  }

  @Test
  void badInputFailsBeforeAnythingIsCreated() {
    try (var api = LocalApiServer.start()) {
      var master = "k8s://" + api.url();
      assertFailed(run(submit(master, "--driver-memroy", "2g", JAR)), Failure.UNKNOWN_FLAG, "--driver-memroy",
          "--driver-memory");
      assertFailed(run(submit(master)), Failure.MISSING_PRIMARY_RESOURCE, "no primary resource");
      assertFailed(run(submit(master, "--conf", "spark.kubernetes.driver.pod.name=Bad_Name", JAR)),
          Failure.INVALID_NAME, "Bad_Name");
      var noImage = submit(master, JAR);
      noImage.removeAll(List.of("--conf", IMAGE));
      assertFailed(run(noImage), Failure.MISSING_IMAGE, "spark.kubernetes.container.image");
      assertFailed(run(submit("yarn", JAR)), Failure.UNKNOWN_MASTER, "k8s://");
      assertFailed(run(submit("k8s://ftp://host:1", JAR)), Failure.UNKNOWN_MASTER, "ftp");
      assertEmpty(api);
    }
  }

  @Test
  void aBadIdentityFailsBeforeAnythingIsCreatedWithTheExpectedFormat() {
    try (var api = LocalApiServer.start()) {
      var master = "k8s://" + api.url();
      assertFailed(run(submit(master, "--identity", "aws-irsa:arn:aws:iam::12:role/etl", JAR)), Failure.INVALID_CONFIG,
          "--identity aws-irsa:arn:aws:iam::12:role/etl", "arn:aws:iam::<12-digit account>:role/");
      assertFailed(run(submit(master, "--identity", "azure:not-a-guid", JAR)), Failure.INVALID_CONFIG,
          "azure:<client-id>[@<tenant-id>]");
      assertFailed(run(submit(master, "--identity", "gcp:me@gmail.com", JAR)), Failure.INVALID_CONFIG,
          "gcp:<name>@<project>.iam.gserviceaccount.com");
      assertFailed(run(submit(master, "--identity", "okta:alice", JAR)), Failure.INVALID_CONFIG,
          "unknown provider 'okta'");
      assertFailed(run(submit(master, "--identity-injection", "maybe", JAR)), Failure.INVALID_CONFIG,
          "spark.sparkube.identity.injection=maybe", "auto, sparkube or webhook");
      assertEmpty(api);
      try (var client = api.newClient()) {
        assertThat(client.serviceAccounts().inAnyNamespace().list().getItems()).isEmpty();
        assertThat(client.rbac().roles().inAnyNamespace().list().getItems()).isEmpty();
      }
    }
  }

  @Test
  void aServiceAccountOfAnotherIdentityStopsTheSubmissionWithTheFix() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      client.serviceAccounts().inNamespace("default").resource(new io.fabric8.kubernetes.api.model.ServiceAccountBuilder()
          .withNewMetadata().withName("spark-etl").addToAnnotations("eks.amazonaws.com/role-arn",
              "arn:aws:iam::111122223333:role/other").endMetadata().build()).create();

      var run = run(submit("k8s://" + api.url(), "--identity", "aws-irsa:arn:aws:iam::111122223333:role/etl", JAR));

      assertFailed(run, Failure.IDENTITY_CONFLICT, "ServiceAccount default/spark-etl exists with",
          "kubectl annotate serviceaccount -n default spark-etl --overwrite");
      assertEmpty(api);
      assertThat(client.rbac().roles().inAnyNamespace().list().getItems()).isEmpty();
    }
  }

  @Test
  void unreachableServerIsNamed() throws Exception {
    int freePort;
    try (var socket = new java.net.ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    assertFailed(run(submit("k8s://http://127.0.0.1:" + freePort, JAR)), Failure.API_UNREACHABLE,
        "http://127.0.0.1:" + freePort);
  }

  @Test
  void untrustedCertificateIsATlsFailure() {
    var server = new KubernetesMockServer(true);
    server.init();
    try {
      assertFailed(run(submit("k8s://https://localhost:" + server.getPort(), JAR)), Failure.TLS_FAILURE,
          "caCertFile");
    } finally {
      server.destroy();
    }
  }

  @Test
  void rejectedCredentials() {
    var dispatcher = new FaultyApiDispatcher().fail("POST", "/pods", 401, "Unauthorized", "Unauthorized", null);
    try (var api = LocalApiServer.start(dispatcher, 0)) {
      assertFailed(run(submit("k8s://" + api.url(), JAR)), Failure.UNAUTHORIZED, "credentials");
      assertEmpty(api);
    }
  }

  @Test
  void forbiddenSaysWhichVerbOnWhichResourceAsWhom() {
    var dispatcher = new FaultyApiDispatcher().fail("POST", "/pods", 403, "Forbidden",
        "pods is forbidden: User \"system:serviceaccount:ci:runner\" cannot create resource \"pods\" in API group"
            + " \"\" in the namespace \"default\"", "pods");
    try (var api = LocalApiServer.start(dispatcher, 0)) {
      assertFailed(run(submit("k8s://" + api.url(), JAR)), Failure.FORBIDDEN, "create", "pods",
          "system:serviceaccount:ci:runner");
      assertEmpty(api);
    }
  }

  @Test
  void missingNamespace() {
    var dispatcher = new FaultyApiDispatcher().fail("POST", "/namespaces/nope/pods", 404, "NotFound",
        "namespaces \"nope\" not found", "namespaces");
    try (var api = LocalApiServer.start(dispatcher, 0)) {
      assertFailed(run(submit("k8s://" + api.url(), "--conf", "spark.kubernetes.namespace=nope", JAR)),
          Failure.NAMESPACE_MISSING, "nope");
      assertEmpty(api);
    }
  }

  @Test
  void takenDriverPodNameKeepsTheOtherPod() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      client.pods().resource(new PodBuilder().withNewMetadata().withName("pi-driver").endMetadata()
          .withNewSpec().addNewContainer().withName("c").withImage("x").endContainer().endSpec().build()).create();
      assertFailed(run(submit("k8s://" + api.url(), "--conf", "spark.kubernetes.driver.pod.name=pi-driver", JAR)),
          Failure.NAME_TAKEN, "pi-driver");
      assertThat(client.pods().list().getItems()).extracting(p -> p.getMetadata().getName()).containsExactly("pi-driver");
      assertThat(client.services().list().getItems()).isEmpty();
      assertThat(client.configMaps().list().getItems()).isEmpty();
    }
  }

  @Test
  void quotaExceededAfterThePodWasCreatedRemovesThePod() {
    var dispatcher = new FaultyApiDispatcher().fail("PATCH", "-conf-map", 403, "Forbidden",
            "configmaps \"x\" is forbidden: exceeded quota: team-quota, requested: count/configmaps=1,"
                + " used: count/configmaps=10, limited: count/configmaps=10", "configmaps");
    try (var api = LocalApiServer.start(dispatcher, 0)) {
      assertFailed(run(submit("k8s://" + api.url(), JAR)), Failure.QUOTA_EXCEEDED, "team-quota");
      assertEmpty(api);
    }
  }

  @Test
  void noWaitPrintsTheSubmissionIdAndCreatesTheDriversObjects() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      var run = run(submit("k8s://" + api.url(), "--name", "pi", JAR, "10"));
      assertThat(run.exitCode()).as(run.err()).isZero();
      var pod = client.pods().list().getItems().get(0);
      assertThat(run.out().trim()).isEqualTo("default:" + pod.getMetadata().getName());
      assertThat(client.services().list().getItems()).hasSize(1);
      assertThat(client.configMaps().list().getItems()).hasSize(1);
    }
  }
}
