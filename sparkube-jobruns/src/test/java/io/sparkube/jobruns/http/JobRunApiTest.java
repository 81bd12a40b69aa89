package io.sparkube.jobruns.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.sparkube.jobruns.ApiClient;
import io.sparkube.jobruns.ApiServerCalls;
import io.sparkube.jobruns.Requests;
import io.sparkube.jobruns.TestingApi;
import io.sparkube.resources.FailureReason;
import io.sparkube.resources.JobRunState;
import io.sparkube.resources.JobRuns;
import io.sparkube.resources.SparkApplication;
import io.sparkube.resources.VirtualClusterState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start, describe, list and cancel job runs, over the CRUD mock API server, with the operator simulated. */
@EnableKubernetesMockClient(crud = true)
class JobRunApiTest {
  static final String NS = "spark-jobs";

  KubernetesClient client;
  KubernetesMockServer server;
  @TempDir
  Path dir;
  TestingApi api;
  ApiClient http;
  String vc;

  @BeforeEach
  void start() {
    api = new TestingApi(client, dir).start();
    http = api.api();
    vc = Requests.createVirtualCluster(http, "vc", NS);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void startCreatesTheSparkApplicationThatIsTheRun() {
    var body = Requests.jobRun("start-1");
    body.putObject("tags").put("owner", "data");
    body.putObject("retryPolicyConfiguration").put("maxAttempts", 3);
    var defaults = body.putObject("configurationOverrides").putArray("applicationConfiguration");
    defaults.addObject().put("classification", "spark-defaults").putObject("properties")
        .put("spark.driver.memory", "2g");
    defaults.addObject().put("classification", "spark-env").putArray("configurations").addObject()
        .put("classification", "export").putObject("properties").put("PYSPARK_PYTHON", "python3");

    var reply = http.post("/virtualclusters/" + vc + "/jobruns", body);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    var id = JobRuns.idFor(vc, "start-1");
    assertThat(reply.json().toString()).isEqualTo("{\"id\":\"" + id + "\",\"name\":\"spark-pi\",\"arn\":"
        + "\"arn:aws:emr-containers:us-east-1:123456789012:/virtualclusters/" + vc + "/jobruns/" + id + "\","
        + "\"virtualClusterId\":\"" + vc + "\"}");
    var app = api.operator.run(NS, id);
    assertThat(app.getMetadata().getLabels()).containsEntry(JobRuns.VIRTUAL_CLUSTER_LABEL, vc);
    assertThat(app.getMetadata().getAnnotations())
        .containsEntry(JobRuns.REQUEST_ANNOTATION, body.toString())
        .containsEntry(JobRuns.CREATED_BY_ANNOTATION, TestingApi.PRINCIPAL);
    assertThat(app.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(owner -> assertThat(owner.getName()).isEqualTo(vc));
    var spec = app.getSpec();
    assertThat(spec.getVirtualCluster()).isEqualTo(vc);
    assertThat(spec.getDisplayName()).isEqualTo("spark-pi");
    assertThat(spec.getMainApplicationFile()).isEqualTo(Requests.ENTRY_POINT);
    assertThat(spec.getArguments()).containsExactly("100");
    assertThat(spec.getSparkSubmitParameters()).startsWith("--class org.apache.spark.examples.SparkPi");
    assertThat(spec.getSparkConf()).containsExactly(Map.entry("spark.driver.memory", "2g"),
        Map.entry("spark.kubernetes.driverEnv.PYSPARK_PYTHON", "python3"),
        Map.entry("spark.executorEnv.PYSPARK_PYTHON", "python3"));
    assertThat(spec.getIdentity()).isEqualTo("aws-irsa:" + Requests.ROLE);
    assertThat(spec.getSparkVersion()).isEqualTo("3.5.6");
    assertThat(spec.getImage()).isEqualTo("apache/spark:3.5.6");
    assertThat(spec.getRestartPolicy().getMaxAttempts()).isEqualTo(3);
    assertThat(spec.isSuspend()).isFalse();
  }

  @Test
  void theVirtualClustersSettingsChooseTheImageAndHowTheRoleIsWorn() {
    api.operator.administer(vc, cluster -> {
      cluster.getSpec().getDefaults().getImages().put("4.0", "registry.example.com/spark:4.0.2-custom");
      cluster.getSpec().setExecutionRoleIdentity("aws-pod-identity");
    });
    var body = Requests.jobRun("spark-4").put("releaseLabel", "emr-spark-8.0.0-20260421");

    var id = http.post("/virtualclusters/" + vc + "/jobruns", body).json().path("id").asText();

    var spec = api.operator.run(NS, id).getSpec();
    assertThat(spec.getSparkVersion()).isEqualTo("4.0.2");
    assertThat(spec.getImage()).isEqualTo("registry.example.com/spark:4.0.2-custom");
    assertThat(spec.getIdentity()).isEqualTo("aws-pod-identity:" + Requests.ROLE);
  }

  @Test
  void theSameClientTokenReturnsTheSameRun() {
    var first = http.post("/virtualclusters/" + vc + "/jobruns", Requests.jobRun("same"));
    var second = http.post("/virtualclusters/" + vc + "/jobruns", Requests.jobRun("same").put("name", "renamed"));

    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json()).as("the existing run, as first started").isEqualTo(first.json());
    assertThat(client.resources(SparkApplication.class).inNamespace(NS).list().getItems()).hasSize(1);
  }

  @Test
  void aNewClientTokenIsCreatedWithoutReadingTheRunFirst() {
    var calls = new ApiServerCalls(server);
    calls.drain();

    var reply = http.post("/virtualclusters/" + vc + "/jobruns", Requests.jobRun("new"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(calls.drain()).containsExactly("GET /apis/sparkube.io/v1alpha1/virtualclusters/" + vc,
        "POST /apis/sparkube.io/v1alpha1/namespaces/" + NS + "/sparkapplications");
  }

  @Test
  void aRepeatedClientTokenIsReadOnlyOnceTheCreateFindsItThere() {
    var first = http.post("/virtualclusters/" + vc + "/jobruns", Requests.jobRun("repeated"));
    var calls = new ApiServerCalls(server);
    calls.drain();

    var second = http.post("/virtualclusters/" + vc + "/jobruns", Requests.jobRun("repeated"));

    assertThat(second.json()).isEqualTo(first.json());
    var id = JobRuns.idFor(vc, "repeated");
    assertThat(calls.drain()).containsExactly("GET /apis/sparkube.io/v1alpha1/virtualclusters/" + vc,
        "POST /apis/sparkube.io/v1alpha1/namespaces/" + NS + "/sparkapplications",
        "GET /apis/sparkube.io/v1alpha1/namespaces/" + NS + "/sparkapplications/" + id);
  }

  @Test
  void aRepeatedClientTokenGetsItsRunAfterTheVirtualClusterStoppedRunning() {
    var first = http.post("/virtualclusters/" + vc + "/jobruns", Requests.jobRun("before-arrest"));
    api.operator.setState(vc, VirtualClusterState.ARRESTED);

    var again = http.post("/virtualclusters/" + vc + "/jobruns", Requests.jobRun("before-arrest"));
    var fresh = http.post("/virtualclusters/" + vc + "/jobruns", Requests.jobRun("after-arrest"));

    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json()).as("the run the token started").isEqualTo(first.json());
    assertThat(fresh.status()).isEqualTo(400);
    assertThat(fresh.errorType()).isEqualTo("ValidationException");
    assertThat(fresh.message()).isEqualTo("Virtual cluster " + vc + " is ARRESTED; job runs start only in a RUNNING"
        + " virtual cluster");
    assertThat(client.resources(SparkApplication.class).inNamespace(NS).list().getItems()).hasSize(1);
  }

  @Test
  void aRepeatedClientTokenGetsItsRunAfterThePolicyChangedToRefuseIt() {
    var first = http.post("/virtualclusters/" + vc + "/jobruns", Requests.jobRun("before-policy"));
    api.operator.administer(vc, cluster -> cluster.getSpec().setAllowedIdentities(
        List.of("aws-irsa:arn:aws:iam::123456789012:role/another-team")));

    var again = http.post("/virtualclusters/" + vc + "/jobruns", Requests.jobRun("before-policy"));
    var fresh = http.post("/virtualclusters/" + vc + "/jobruns", Requests.jobRun("after-policy"));

    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json()).as("the run the token started").isEqualTo(first.json());
    assertThat(fresh.errorType()).isEqualTo("ValidationException");
    assertThat(fresh.message()).startsWith("executionRoleArn " + Requests.ROLE + " is not allowed in virtual cluster "
        + vc);
    assertThat(client.resources(SparkApplication.class).inNamespace(NS).list().getItems()).hasSize(1);
  }

  @Test
  void concurrentRequestsWithOneClientTokenStartOneRun() throws Exception {
    var pool = Executors.newFixedThreadPool(8);
    try {
      var calls = new ArrayList<Callable<ApiClient.Reply>>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> http.post("/virtualclusters/" + vc + "/jobruns", Requests.jobRun("racing")));
      }
      var ids = new ArrayList<String>();
      for (Future<ApiClient.Reply> reply : pool.invokeAll(calls)) {
        assertThat(reply.get().status()).as(reply.get().body()).isEqualTo(200);
        ids.add(reply.get().json().path("id").asText());
      }
      assertThat(ids).containsOnly(JobRuns.idFor(vc, "racing"));
      assertThat(client.resources(SparkApplication.class).inNamespace(NS).list().getItems()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void describeEchoesTheRequestAndReadsTheStatusTheOperatorWrote() {
    var body = Requests.jobRun("describe");
    body.putObject("tags").put("owner", "data");
    body.putObject("configurationOverrides").putObject("monitoringConfiguration").put("persistentAppUI", "ENABLED")
        .putObject("s3MonitoringConfiguration").put("logUri", "s3://logs/spark/");
    body.putObject("retryPolicyConfiguration").put("maxAttempts", 2);
    var id = http.post("/virtualclusters/" + vc + "/jobruns", body).json().path("id").asText();

    var pending = http.get("/virtualclusters/" + vc + "/jobruns/" + id).json().path("jobRun");
    assertThat(pending.path("state").asText()).as("no status yet").isEqualTo("PENDING");
    assertThat(pending.has("finishedAt")).isFalse();

    api.operator.setStatus(NS, id, status -> {
      status.setState(JobRunState.FAILED);
      status.setFailureReason(FailureReason.USER_ERROR);
      status.setStateDetails("the driver exited with code 1");
      status.setFinishedAt("2030-01-01T10:00:00Z");
      status.setAttempt(2);
    });
    var run = http.get("/virtualclusters/" + vc + "/jobruns/" + id).json().path("jobRun");

    assertThat(run.path("id").asText()).isEqualTo(id);
    assertThat(run.path("name").asText()).isEqualTo("spark-pi");
    assertThat(run.path("virtualClusterId").asText()).isEqualTo(vc);
    assertThat(run.path("arn").asText()).endsWith(":/virtualclusters/" + vc + "/jobruns/" + id);
    assertThat(run.path("state").asText()).isEqualTo("FAILED");
    assertThat(run.path("failureReason").asText()).isEqualTo("USER_ERROR");
    assertThat(run.path("stateDetails").asText()).isEqualTo("the driver exited with code 1");
    assertThat(run.path("finishedAt").asText()).isEqualTo("2030-01-01T10:00:00Z");
    assertThat(run.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(run.path("createdBy").asText()).isEqualTo(TestingApi.PRINCIPAL);
    assertThat(run.path("clientToken").asText()).isEqualTo("describe");
    assertThat(run.path("executionRoleArn").asText()).isEqualTo(Requests.ROLE);
    assertThat(run.path("releaseLabel").asText()).isEqualTo("emr-7.5.0-latest");
    assertThat(run.path("jobDriver")).isEqualTo(body.path("jobDriver"));
    assertThat(run.path("configurationOverrides")).isEqualTo(body.path("configurationOverrides"));
    assertThat(run.path("tags")).isEqualTo(body.path("tags"));
    assertThat(run.path("retryPolicyConfiguration").path("maxAttempts").asInt()).isEqualTo(2);
    assertThat(run.path("retryPolicyExecution").path("currentAttemptCount").asInt()).isEqualTo(2);
  }

  @Test
  void describingAnUnknownRunIsResourceNotFound() {
    var reply = http.get("/virtualclusters/" + vc + "/jobruns/nosuchrun");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorType()).isEqualTo("ResourceNotFoundException");
    assertThat(http.get("/virtualclusters/nosuchcluster/jobruns/nosuchrun").errorType())
        .isEqualTo("ResourceNotFoundException");
  }

  @Test
  void listIsNewestFirstPagedWithAnOpaqueTokenAndFiltered() {
    var ids = new ArrayList<String>();
    for (int i = 0; i < 5; i++) {
      ids.add(http.post("/virtualclusters/" + vc + "/jobruns", Requests.jobRun("list-" + i)
          .put("name", i % 2 == 0 ? "even" : "odd")).json().path("id").asText());
    }
    api.operator.setState(NS, ids.get(0), JobRunState.RUNNING);
    api.operator.setState(NS, ids.get(1), JobRunState.COMPLETED);

    var pages = new ArrayList<List<String>>();
    var createdAts = new ArrayList<String>();
    String token = null;
    do {
      var reply = http.get("/virtualclusters/" + vc + "/jobruns?maxResults=2" + (token == null ? "" : "&nextToken="
          + token));
      assertThat(reply.status()).isEqualTo(200);
      var page = new ArrayList<String>();
      reply.json().path("jobRuns").forEach(run -> {
        page.add(run.path("id").asText());
        createdAts.add(run.path("createdAt").asText());
      });
      pages.add(page);
      token = reply.json().has("nextToken") ? reply.json().path("nextToken").asText() : null;
      assertThat(token).as("opaque: it shows neither ids nor times").satisfiesAnyOf(
          t -> assertThat(t).isNull(), t -> assertThat(t).doesNotContain(":").doesNotContain(ids.get(0)));
    } while (token != null);

    assertThat(pages).extracting(List::size).containsExactly(2, 2, 1);
    assertThat(pages.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(createdAts).isSortedAccordingTo((a, b) -> b.compareTo(a));
    var runs = "/virtualclusters/" + vc + "/jobruns";
    assertThat(http.get(runs + "?states=RUNNING").json().path("jobRuns")).singleElement()
        .satisfies(run -> assertThat(run.path("id").asText()).isEqualTo(ids.get(0)));
    assertThat(http.get(runs + "?states=PENDING&states=COMPLETED").json().path("jobRuns")).hasSize(4);
    assertThat(http.get(runs + "?name=odd").json().path("jobRuns")).hasSize(2);
    assertThat(http.get(runs + "?createdAfter=2999-01-01T00%3A00%3A00Z").json().path("jobRuns")).isEmpty();
    assertThat(http.get(runs + "?createdBefore=2999-01-01T00%3A00%3A00.000Z").json().path("jobRuns")).hasSize(5);
  }

  @Test
  void listOnlyShowsTheRunsOfItsVirtualCluster() {
    http.post("/virtualclusters/" + vc + "/jobruns", Requests.jobRun("mine"));
    var other = Requests.createVirtualCluster(http, "other", "other-ns");
    http.post("/virtualclusters/" + other + "/jobruns", Requests.jobRun("theirs"));

    assertThat(http.get("/virtualclusters/" + vc + "/jobruns").json().path("jobRuns")).singleElement()
        .satisfies(run -> assertThat(run.path("clientToken").asText()).isEqualTo("mine"));
    assertThat(http.get("/virtualclusters/nosuchcluster/jobruns").errorType()).isEqualTo("ValidationException");
  }

  @Test
  void cancelAsksTheOperatorToStopTheRun() {
    var id = http.post("/virtualclusters/" + vc + "/jobruns", Requests.jobRun("cancel")).json().path("id").asText();
    api.operator.setState(NS, id, JobRunState.RUNNING);

    var reply = http.delete("/virtualclusters/" + vc + "/jobruns/" + id);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().toString()).isEqualTo("{\"id\":\"" + id + "\",\"virtualClusterId\":\"" + vc + "\"}");
    assertThat(api.operator.run(NS, id).getSpec().isSuspend()).isTrue();
    assertThat(api.operator.run(NS, id).getStatus().getState()).as("the operator moves it on").isEqualTo(JobRunState.RUNNING);
    assertThat(http.delete("/virtualclusters/" + vc + "/jobruns/" + id).status()).as("again: harmless")
        .isEqualTo(200);
  }

  @Test
  void aFinishedRunCannotBeCancelled() {
    var id = http.post("/virtualclusters/" + vc + "/jobruns", Requests.jobRun("finished")).json().path("id").asText();
    api.operator.setState(NS, id, JobRunState.COMPLETED);

    var reply = http.delete("/virtualclusters/" + vc + "/jobruns/" + id);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorType()).isEqualTo("ValidationException");
    assertThat(reply.message()).isEqualTo("Job run " + id + " is not in a cancellable state: it is COMPLETED");
    assertThat(api.operator.run(NS, id).getSpec().isSuspend()).isFalse();
    assertThat(http.delete("/virtualclusters/" + vc + "/jobruns/nosuchrun").errorType())
        .isEqualTo("ValidationException");
  }

  @Test
  void aRunMadeWithKubectlIsDescribedFromItsSpec() {
    var app = new SparkApplication();
    app.getMetadata().setName("byhand");
    app.getMetadata().setNamespace(NS);
    app.getMetadata().setLabels(Map.of(JobRuns.VIRTUAL_CLUSTER_LABEL, vc));
    app.getSpec().setMainApplicationFile("local:///app.jar");
    app.getSpec().setArguments(List.of("a"));
    client.resource(app).create();

    var run = http.get("/virtualclusters/" + vc + "/jobruns/byhand").json().path("jobRun");

    assertThat(run.path("jobDriver").toString())
        .isEqualTo("{\"sparkSubmitJobDriver\":{\"entryPoint\":\"local:///app.jar\",\"entryPointArguments\":[\"a\"]}}");
    assertThat(run.has("clientToken")).isFalse();
  }
}
