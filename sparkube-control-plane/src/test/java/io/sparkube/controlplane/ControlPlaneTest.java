package io.sparkube.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.controlplane.config.ControlPlaneSettings;
import io.sparkube.local.api.LocalApiServer;
import io.sparkube.model.config.Conf;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole control plane against an API server with no node: a job run through REST becomes a driver pod. */
class ControlPlaneTest {
  @TempDir
  Path dir;

  private final RecordingDispatcher calls = new RecordingDispatcher();
  private LocalApiServer api;
  private KubernetesClient client;
  private ControlPlane controlPlane;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void start() throws IOException {
    api = LocalApiServer.start(calls, 0);
    client = api.newClient();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("default").endMetadata().build())
        .create();
    var token = Files.writeString(dir.resolve("token"), "secret-token-of-the-test\n");
    controlPlane = ControlPlane.start(client, ControlPlaneSettings.read(Conf.of(Map.of(
        "sparkube.controlPlane.installCrds", "true", "sparkube.controlPlane.managementPort", "0",
        "sparkube.jobruns.port", "0", "sparkube.jobruns.tokenFile", token.toString()))), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    controlPlane.close();
    client.close();
    api.close();
  }

  private HttpResponse<String> call(String method, String path, String body) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controlPlane.apiPort() + path))
        .header("Authorization", "Bearer secret-token-of-the-test").header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private String management(String path) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controlPlane.managementPort() + path)).build();
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  private String createVirtualCluster() throws Exception {
    var created = call("POST", "/virtualclusters", """
        {"name": "team", "clientToken": "vc-1",
         "containerProvider": {"type": "EKS", "id": "local", "info": {"eksInfo": {"namespace": "default"}}}}""");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    return created.body().replaceAll(".*\"id\":\"([0-9a-z]+)\".*", "$1");
  }

  private String startJobRun(String vc, String clientToken) throws Exception {
    var started = call("POST", "/virtualclusters/" + vc + "/jobruns", """
        {"name": "pi", "clientToken": "%s", "releaseLabel": "emr-spark-8.0.0-latest",
         "executionRoleArn": "arn:aws:iam::111122223333:role/pi",
         "jobDriver": {"sparkSubmitJobDriver": {
           "entryPoint": "local:///opt/spark/examples/jars/spark-examples_2.13-4.0.2.jar",
           "entryPointArguments": ["100"],
           "sparkSubmitParameters": "--class org.apache.spark.examples.SparkPi --conf spark.executor.instances=2"}}}"""
        .formatted(clientToken));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return started.body().replaceAll(".*\"id\":\"([0-9a-z]+)\".*", "$1");
  }

  @Test
  void aJobRunStartedThroughTheApiIsSubmittedByTheOperatorAndCounted() throws Exception {
    var vc = createVirtualCluster();

    var run = startJobRun(vc, "run-1");

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      var described = call("GET", "/virtualclusters/" + vc + "/jobruns/" + run, null);
      assertThat(described.body()).contains("\"state\":\"SUBMITTED\"");
    });
    var driver = client.pods().inNamespace("default").list().getItems();
    assertThat(driver).singleElement().satisfies(pod -> {
      assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("spark-pi");
      assertThat(pod.getSpec().getContainers().get(0).getImage()).isEqualTo("apache/spark:4.0.2");
    });

    assertThat(management("/readyz")).startsWith("200");
    assertThat(management("/healthz")).startsWith("200");
    var metrics = management("/metrics");
    assertThat(metrics).contains("sparkube_job_runs{state=\"SUBMITTED\"} 1.0")
        .contains("sparkube_submission_seconds_count 1")
        .contains("sparkube_api_requests_seconds_count{operation=\"StartJobRun\",status=\"200\"} 1")
        .contains("sparkube_reconcile_queue_depth");
  }

  @Test
  void theApiReadsVirtualClustersFromItsCacheAndCreatesANewRunWithoutReadingIt() throws Exception {
    var vc = createVirtualCluster();
    var getCluster = "GET /apis/sparkube.io/v1alpha1/virtualclusters/" + vc;
    // Until the control plane's informer has the new cluster, the API falls back to a GET.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      calls.drain();
      assertThat(call("GET", "/virtualclusters/" + vc, null).statusCode()).isEqualTo(200);
      assertThat(calls.drain()).doesNotContain(getCluster);
    });

    var run = startJobRun(vc, "run-1");

    assertThat(calls.drain()).contains("POST /apis/sparkube.io/v1alpha1/namespaces/default/sparkapplications")
        .doesNotContain(getCluster, "GET /apis/sparkube.io/v1alpha1/namespaces/default/sparkapplications/" + run);
  }
}
