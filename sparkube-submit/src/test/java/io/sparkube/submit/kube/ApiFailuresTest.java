package io.sparkube.submit.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.sparkube.model.config.Conf;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.SubmitEnvironment;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiFailuresTest {
  private static final ApiCall CREATE_POD = new ApiCall("https://api:6443/", "kubeconfig user \"ann\"", "create",
      "pods", "jobs", Optional.of("pi-driver"));

  @Test
  void unreachableNamesTheUrl() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var failure = listPods("k8s://http://127.0.0.1:" + port, Conf.empty());

    assertThat(failure.failure()).isEqualTo(Failure.API_UNREACHABLE);
    assertThat(failure).hasMessageStartingWith("cannot reach the Kubernetes API server at http://127.0.0.1:" + port);
  }

  @Test
  void untrustedCertificateIsATlsFailure() {
    var server = new KubernetesMockServer(true);
    server.init();
    try {
      var failure = listPods("k8s://https://localhost:" + server.getPort(), Conf.empty());

      assertThat(failure.failure()).isEqualTo(Failure.TLS_FAILURE);
      assertThat(failure).hasMessageContaining("spark.kubernetes.authenticate.submission.caCertFile");
    } finally {
      server.destroy();
    }
  }

  @Test
  void unauthorizedSaysWhoseCredentials() {
    var failure = ApiFailures.translate(status(401, "Unauthorized", "Unauthorized"), CREATE_POD);

    assertThat(failure.failure()).isEqualTo(Failure.UNAUTHORIZED);
    assertThat(failure).hasMessage("the API server at https://api:6443/ rejected the credentials of kubeconfig user"
        + " \"ann\" (401 Unauthorized); refresh the kubeconfig's credentials or set"
        + " spark.kubernetes.authenticate.submission.oauthTokenFile");
  }

  @Test
  void forbiddenReadsTheServersWhoWhatWhere() {
    var failure = ApiFailures.translate(status(403, "Forbidden", "pods is forbidden: User \"system:serviceaccount:ci:bot\""
        + " cannot create resource \"pods\" in API group \"\" in the namespace \"jobs\""), CREATE_POD);

    assertThat(failure.failure()).isEqualTo(Failure.FORBIDDEN);
    assertThat(failure).hasMessage("user \"system:serviceaccount:ci:bot\" may not create pods in namespace \"jobs\""
        + " (403 Forbidden); ask for a Role granting it, check with kubectl auth can-i create pods -n jobs");
  }

  @Test
  void forbiddenWithoutDetailsUsesWhatTheCallerWasDoing() {
    var failure = ApiFailures.translate(status(403, "Forbidden", "forbidden"), CREATE_POD);

    assertThat(failure).hasMessageStartingWith("kubeconfig user \"ann\" may not create pods in namespace \"jobs\"");
  }

  @Test
  void quotaIsNamed() {
    var failure = ApiFailures.translate(status(403, "Forbidden", "pods \"pi-driver\" is forbidden: exceeded quota:"
        + " compute, requested: limits.cpu=2, used: limits.cpu=9, limited: limits.cpu=10"), CREATE_POD);

    assertThat(failure.failure()).isEqualTo(Failure.QUOTA_EXCEEDED);
    assertThat(failure).hasMessage("creating pods \"jobs/pi-driver\" would exceed resource quota \"compute\" in"
        + " namespace \"jobs\" (requested: limits.cpu=2, used: limits.cpu=9, limited: limits.cpu=10); request less"
        + " (cores, memory, instances) or ask for a larger quota");
  }

  @Test
  void otherNotFoundAndConflictsAreApiErrorsWithTheServersMessage() {
    var apply = new ApiCall("https://api/", "x", "apply", "podgroups", "jobs", Optional.of("pg"));
    var missingKind = ApiFailures.translate(status(404, "NotFound", "the server could not find\nthe requested resource"), apply);
    var conflict = ApiFailures.translate(status(409, "Conflict", "the object has been modified"), apply);

    assertThat(missingKind.failure()).isEqualTo(Failure.API_ERROR);
    assertThat(missingKind).hasMessage("the API server refused to apply podgroups \"jobs/pg\" (404): the server could"
        + " not find the requested resource");
    assertThat(conflict.failure()).isEqualTo(Failure.API_ERROR);
  }

  @Test
  void sparkubeExceptionsPassThrough() {
    var known = new SparkubeException(Failure.NOT_FOUND, "x");
    assertThat(ApiFailures.translate(known, CREATE_POD)).isSameAs(known);
  }

  private static KubernetesClientException status(int code, String reason, String message) {
    return new KubernetesClientException(new StatusBuilder().withCode(code).withReason(reason).withMessage(message)
        .build());
  }

  private static SparkubeException listPods(String master, Conf conf) {
    var settings = ConnectionSettings.of(Optional.of(master), Optional.empty(), Optional.empty(), Optional.of("jobs"),
        conf, new SubmitEnvironment(Map.of("HOME", "/nonexistent"), "ann", Path.of(".")));
    try (var client = ClusterConnector.connect(settings)) {
      var call = ApiCall.of(client, "list", "pods", "jobs", null);
      ApiFailures.call(call, () -> client.pods().inNamespace("jobs").list());
      throw new AssertionError("expected a failure");
    } catch (SparkubeException e) {
      return e;
    }
  }
}
