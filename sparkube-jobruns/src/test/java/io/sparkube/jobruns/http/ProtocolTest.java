package io.sparkube.jobruns.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.sparkube.jobruns.ApiClient;
import io.sparkube.jobruns.Requests;
import io.sparkube.jobruns.SdkSigner;
import io.sparkube.jobruns.TestingApi;
import io.sparkube.resources.JobRuns;
import io.sparkube.resources.SparkApplication;
import io.sparkube.resources.VirtualCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every request meets before and after its operation: authentication, routing, error shape, metrics. */
@EnableKubernetesMockClient(crud = true)
class ProtocolTest {
  private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection");

  KubernetesClient client;
  @TempDir
  Path dir;
  TestingApi api;

  @BeforeEach
  void start() {
    api = new TestingApi(client, dir).start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void anUnsignedRequestIsRefusedWithMissingAuthenticationToken() {
    var reply = api.api(null).post("/virtualclusters", Requests.virtualCluster("t", "n", "ns"));

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.errorType()).isEqualTo("MissingAuthenticationTokenException");
    assertThat(reply.json().path("__type").asText()).isEqualTo("MissingAuthenticationTokenException");
    assertThat(client.resources(VirtualCluster.class).list().getItems()).isEmpty();
  }

  @Test
  void aWrongBearerTokenOrAnUnknownSchemeIsRefused() {
    var wrong = api.api("Bearer not-the-token-at-all").get("/virtualclusters");
    var basic = api.api("Basic dXNlcjpwYXNz").get("/virtualclusters");

    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.errorType()).isEqualTo("UnrecognizedClientException");
    assertThat(wrong.message()).doesNotContain(TestingApi.TOKEN);
    assertThat(basic.status()).isEqualTo(403);
    assertThat(basic.errorType()).isEqualTo("IncompleteSignatureException");
  }

  @Test
  void aRequestSignedByTheAwsSignerIsAdmittedAndItsKeysArnCreatesTheRun() {
    var vc = Requests.createVirtualCluster(api.api(), "signed", "signed-ns");
    var body = Requests.jobRun("signed").toString();

    var started = signed("POST", "/virtualclusters/" + vc + "/jobruns", body, TestingApi.SECRET_KEY, Clock.systemUTC());
    var listed = signed("GET", "/virtualclusters/" + vc + "/jobruns?maxResults=5&states=PENDING&states=RUNNING"
        + "&createdAfter=2000-01-01T00%3A00%3A00Z", null, TestingApi.SECRET_KEY, Clock.systemUTC());

    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    var app = client.resources(SparkApplication.class).inNamespace("signed-ns").withName(JobRuns.idFor(vc, "signed"))
        .get();
    assertThat(app.getMetadata().getAnnotations()).containsEntry(JobRuns.CREATED_BY_ANNOTATION, TestingApi.ACCESS_KEY_ARN);
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    assertThat(listed.body()).contains("\"createdBy\":\"" + TestingApi.ACCESS_KEY_ARN + "\"");
  }

  @Test
  void aWrongSecretOrAnOldSignatureIsAnInvalidSignature() {
    var wrongSecret = signed("GET", "/virtualclusters", null, "not-the-secret", Clock.systemUTC());
    var stale = signed("GET", "/virtualclusters", null, TestingApi.SECRET_KEY,
        Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-16)));

    assertThat(wrongSecret.statusCode()).isEqualTo(403);
    assertThat(wrongSecret.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
    assertThat(wrongSecret.body()).contains("The request signature we calculated does not match");
    assertThat(stale.statusCode()).isEqualTo(403);
    assertThat(stale.body()).contains("Signature expired");
  }

  @Test
  void anUnknownPathOrMethodIs404WithAnErrorBody() {
    var http = api.api();
    for (var reply : new ApiClient.Reply[] {http.get("/jobtemplates"), http.get("/virtualclusters/a/endpoints"),
        http.send("PUT", "/virtualclusters", "{}"), http.get("/virtualclusters/"), http.get("/")}) {
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.errorType()).isEqualTo("UnknownOperationException");
      assertThat(reply.message()).contains("No emr-containers operation at");
    }
  }

  @Test
  void everyAnswerIsJsonWithARequestIdAndIsTimedByOperationAndStatus() {
    var http = api.api();
    var created = http.post("/virtualclusters", Requests.virtualCluster("timed", "timed", "timed"));
    var missing = http.get("/virtualclusters/nosuchcluster");
    var unknown = http.get("/nowhere");

    for (var reply : new ApiClient.Reply[] {created, missing, unknown}) {
      assertThat(reply.header("Content-Type")).hasValue("application/json");
      assertThat(reply.header("x-amzn-RequestId")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
    }
    assertThat(created.header("x-amzn-ErrorType")).isEmpty();
    assertThat(api.registry.get(RequestMetrics.TIMER).tags("operation", "CreateVirtualCluster", "status", "200")
        .timer().count()).isEqualTo(1);
    assertThat(api.registry.get(RequestMetrics.TIMER).tags("operation", "DescribeVirtualCluster", "status", "400")
        .timer().count()).isEqualTo(1);
    assertThat(api.registry.get(RequestMetrics.TIMER).tags("operation", "Unknown", "status", "404").timer().count())
        .isEqualTo(1);
  }

  private HttpResponse<String> signed(String method, String pathAndQuery, String body, String secret, Clock clock) {
    var uri = URI.create(api.url() + pathAndQuery);
    var headers = SdkSigner.sign(method, uri, body, "emr-containers", TestingApi.ACCESS_KEY, secret, clock);
    var request = HttpRequest.newBuilder(uri).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach((name, values) -> {
      if (!RESTRICTED.contains(name.toLowerCase())) {
        values.forEach(value -> request.header(name, value));
      }
    });
    try {
      return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
