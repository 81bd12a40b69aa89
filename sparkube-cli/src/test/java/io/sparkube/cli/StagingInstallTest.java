package io.sparkube.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.sparkube.local.api.LocalApiServer;
import io.sparkube.model.error.Failure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sparkube staging install against a local API server: the manifests, applied twice. */
class StagingInstallTest {
  @TempDir
  Path home;

  private CliRun install(LocalApiServer api, String... extra) {
    var args = new ArrayList<>(List.of("staging", "install", "--master", "k8s://" + api.url(), "-n", "default"));
    args.addAll(List.of(extra));
    return CliRun.of(home, args.toArray(String[]::new));
  }

  @Test
  void dryRunPrintsTheManifestsWithTheSecretRedactedAndCreatesNothing() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      var run = install(api, "--dry-run");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("kind: \"Secret\"", "kind: \"ServiceAccount\"", "kind: \"PersistentVolumeClaim\"",
          "kind: \"Deployment\"", "kind: \"Service\"", "automountServiceAccountToken: true",
          "http://sparkube-staging.default.svc:8080");
      assertThat(run.out()).contains("token: \"PHJlZGFjdGVkPg==\"");
      assertThat(client.apps().deployments().inAnyNamespace().list().getItems()).isEmpty();
      assertThat(client.secrets().inAnyNamespace().list().getItems()).isEmpty();
    }
  }

  @Test
  void installingAgainKeepsTheCredentialsAndChangesNothing() throws Exception {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      var first = install(api, "--storage", "10Gi", "--external-uri", "https://staging.example.com");
      assertThat(first.exitCode()).as(first.err()).isZero();
      assertThat(first.err()).contains("created secret/sparkube-staging");
      var secret = client.secrets().inNamespace("default").withName("sparkube-staging").get().getData();
      Deployment deployment = client.apps().deployments().inNamespace("default").withName("sparkube-staging").get();

      var second = install(api, "--storage", "10Gi", "--external-uri", "https://staging.example.com");

      assertThat(second.exitCode()).as(second.err()).isZero();
      assertThat(second.err()).contains("kept secret/sparkube-staging");
      assertThat(client.secrets().inNamespace("default").withName("sparkube-staging").get().getData())
          .isEqualTo(secret).containsKeys("token", "signing-key");
      // The mounted file is what the server reads: a key it accepts.
      var keyFile = java.nio.file.Files.write(home.resolve("signing-key"),
          java.util.Base64.getDecoder().decode(secret.get("signing-key")));
      io.sparkube.staging.signing.SigningKey.read(keyFile, "sparkube.staging.signingKeyFile");
      var again = client.apps().deployments().inNamespace("default").withName("sparkube-staging").get();
      assertThat(again.getSpec()).isEqualTo(deployment.getSpec());
      assertThat(again.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
          .containsSequence("--internal-uri", "http://sparkube-staging.default.svc:8080")
          .containsSequence("--external-uri", "https://staging.example.com");
      assertThat(client.persistentVolumeClaims().inNamespace("default").withName("sparkube-staging").get()
          .getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("10Gi");
      assertThat(client.services().inNamespace("default").withName("sparkube-staging").get()).isNotNull();
    }
  }

  @Test
  void tlsServesHttpsFromTheSecret() {
    try (var api = LocalApiServer.start()) {
      var run = install(api, "--dry-run", "--tls-secret", "staging-tls");
      assertThat(run.out()).contains("https://sparkube-staging.default.svc:8080", "secretName: \"staging-tls\"",
          "/etc/sparkube-staging-tls/tls.crt", "scheme: \"HTTPS\"");
    }
  }

  @Test
  void badValuesAreRefusedBeforeAnythingIsApplied() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      var storage = install(api, "--storage", "lots");
      assertThat(storage.exitCode()).isEqualTo(Failure.INVALID_CONFIG.exitCode());
      assertThat(storage.errorLine()).contains("--storage lots is not a Kubernetes quantity");
      var uri = install(api, "--external-uri", "staging.example.com");
      assertThat(uri.errorLine()).contains("--external-uri staging.example.com is not an http(s) URL");
      assertThat(client.secrets().inAnyNamespace().list().getItems()).isEmpty();
    }
  }
}
