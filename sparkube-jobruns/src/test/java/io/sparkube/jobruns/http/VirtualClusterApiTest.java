package io.sparkube.jobruns.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.sparkube.jobruns.ApiClient;
import io.sparkube.jobruns.Requests;
import io.sparkube.jobruns.TestingApi;
import io.sparkube.resources.JobRunState;
import io.sparkube.resources.JobRuns;
import io.sparkube.resources.SparkApplication;
import io.sparkube.resources.VirtualCluster;
import io.sparkube.resources.VirtualClusterState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Create, describe, list and delete virtual clusters, over the CRUD mock API server. */
@EnableKubernetesMockClient(crud = true)
class VirtualClusterApiTest {
  KubernetesClient client;
  @TempDir
  Path dir;
  TestingApi api;
  ApiClient http;

  @BeforeEach
  void start() {
    api = new TestingApi(client, dir).start();
    http = api.api();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void createMakesAVirtualClusterResourceNamedAfterTheClientToken() {
    var body = Requests.virtualCluster("token-1", "analytics", "team-a");
    body.putObject("tags").put("team", "a");

    var reply = http.post("/virtualclusters", body);

    assertThat(reply.status()).isEqualTo(200);
    var id = JobRuns.virtualClusterIdFor("token-1");
    assertThat(reply.json().path("id").asText()).isEqualTo(id);
    assertThat(reply.json().path("name").asText()).isEqualTo("analytics");
    assertThat(reply.json().path("arn").asText())
        .isEqualTo("arn:aws:emr-containers:us-east-1:123456789012:/virtualclusters/" + id);
    var resource = client.resources(VirtualCluster.class).withName(id).get();
    assertThat(resource.getSpec().getDisplayName()).isEqualTo("analytics");
    assertThat(resource.getSpec().getNamespace()).isEqualTo("team-a");
    assertThat(resource.getSpec().getContainerProviderId()).isEqualTo("test-cluster");
    assertThat(resource.getSpec().getTags()).containsEntry("team", "a");
    assertThat(resource.getStatus()).as("the operator writes status, not the API").isNull();
  }

  @Test
  void theSameClientTokenGivesTheSameVirtualClusterAgain() {
    var first = http.post("/virtualclusters", Requests.virtualCluster("again", "one", "team-b"));
    var second = http.post("/virtualclusters", Requests.virtualCluster("again", "one", "team-b"));

    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json()).isEqualTo(first.json());
    assertThat(client.resources(VirtualCluster.class).list().getItems()).hasSize(1);
  }

  @Test
  void aSecondLiveVirtualClusterInTheSameNamespaceIsRefused() {
    Requests.createVirtualCluster(http, "first", "shared");

    var reply = http.post("/virtualclusters", Requests.virtualCluster("second", "other", "shared"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorType()).isEqualTo("ValidationException");
    assertThat(reply.message()).contains("already exists in the given namespace");
    assertThat(client.resources(VirtualCluster.class).list().getItems()).hasSize(1);
  }

  @Test
  void describeShowsTheVirtualClusterAsEmrDoes() {
    var id = Requests.createVirtualCluster(http, "describe", "team-c");
    api.operator.administer(id, vc -> vc.getSpec().getLimits().setMaxConcurrentRuns(3));

    var reply = http.get("/virtualclusters/" + id);

    assertThat(reply.status()).isEqualTo(200);
    var vc = reply.json().path("virtualCluster");
    assertThat(vc.path("id").asText()).isEqualTo(id);
    assertThat(vc.path("name").asText()).isEqualTo("vc-team-c");
    assertThat(vc.path("state").asText()).as("no status yet reads as RUNNING").isEqualTo("RUNNING");
    assertThat(vc.path("containerProvider").toString())
        .isEqualTo("{\"type\":\"EKS\",\"id\":\"test-cluster\",\"info\":{\"eksInfo\":{\"namespace\":\"team-c\"}}}");
    assertThat(vc.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(vc.path("schedulerConfiguration").path("maxConcurrentJobRuns").asInt()).isEqualTo(3);
    assertThat(vc.has("tags")).as("null members are omitted").isFalse();
  }

  @Test
  void describingAnUnknownVirtualClusterIsResourceNotFound() {
    var reply = http.get("/virtualclusters/nosuchcluster");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorType()).isEqualTo("ResourceNotFoundException");
    assertThat(reply.json().path("__type").asText()).isEqualTo("ResourceNotFoundException");
    assertThat(reply.message()).isEqualTo("Virtual cluster nosuchcluster doesn't exist.");
  }

  @Test
  void listPagesThroughEveryVirtualClusterOnceAndFilters() {
    var ids = new HashSet<String>();
    for (int i = 0; i < 5; i++) {
      ids.add(Requests.createVirtualCluster(http, "list-" + i, "ns-" + i));
    }
    api.operator.setState(ids.iterator().next(), VirtualClusterState.ARRESTED);

    var seen = new ArrayList<String>();
    String token = null;
    int pages = 0;
    do {
      var reply = http.get("/virtualclusters?maxResults=2" + (token == null ? "" : "&nextToken=" + token));
      assertThat(reply.status()).isEqualTo(200);
      reply.json().path("virtualClusters").forEach(vc -> seen.add(vc.path("id").asText()));
      token = reply.json().has("nextToken") ? reply.json().path("nextToken").asText() : null;
      pages++;
    } while (token != null);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(http.get("/virtualclusters?states=ARRESTED").json().path("virtualClusters")).hasSize(1);
    assertThat(http.get("/virtualclusters?states=RUNNING&states=TERMINATED").json().path("virtualClusters"))
        .hasSize(4);
    assertThat(http.get("/virtualclusters?containerProviderId=other").json().path("virtualClusters")).isEmpty();
    assertThat(http.get("/virtualclusters?createdAfter=2999-01-01T00%3A00%3A00Z").json().path("virtualClusters"))
        .isEmpty();
    assertThat(http.get("/virtualclusters?createdBefore=2999-01-01T00%3A00%3A00Z&containerProviderType=EKS").json()
        .path("virtualClusters")).hasSize(5);
  }

  @Test
  void listRefusesWhatTheModelDoesNotAllow() {
    assertThat(http.get("/virtualclusters?states=GONE").message()).contains("enum value set");
    assertThat(http.get("/virtualclusters?maxResults=0").errorType()).isEqualTo("ValidationException");
    assertThat(http.get("/virtualclusters?nextToken=bogus").message()).contains("nextToken");
    assertThat(http.get("/virtualclusters?createdAfter=yesterday").message()).contains("ISO-8601");
    assertThat(http.get("/virtualclusters?containerProviderType=AKS").status()).isEqualTo(400);
  }

  @Test
  void deletingAVirtualClusterWithoutActiveRunsTerminatesItAndKeepsItListed() {
    var id = Requests.createVirtualCluster(http, "delete", "team-d");

    var reply = http.delete("/virtualclusters/" + id);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().toString()).isEqualTo("{\"id\":\"" + id + "\"}");
    assertThat(http.get("/virtualclusters/" + id).json().path("virtualCluster").path("state").asText())
        .isEqualTo("TERMINATED");
    assertThat(http.delete("/virtualclusters/" + id).status()).as("deleting again is harmless").isEqualTo(200);
    var refused = http.post("/virtualclusters/" + id + "/jobruns", Requests.jobRun("after-delete"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.message()).contains("is TERMINATED");
  }

  @Test
  void deletingAVirtualClusterWithActiveRunsCancelsThemAndLeavesItTerminating() {
    var id = Requests.createVirtualCluster(http, "busy", "team-e");
    var running = http.post("/virtualclusters/" + id + "/jobruns", Requests.jobRun("running")).json().path("id")
        .asText();
    var done = http.post("/virtualclusters/" + id + "/jobruns", Requests.jobRun("done")).json().path("id").asText();
    api.operator.setState("team-e", running, JobRunState.RUNNING);
    api.operator.setState("team-e", done, JobRunState.COMPLETED);

    assertThat(http.delete("/virtualclusters/" + id).status()).isEqualTo(200);

    assertThat(http.get("/virtualclusters/" + id).json().path("virtualCluster").path("state").asText())
        .isEqualTo("TERMINATING");
    var runs = client.resources(SparkApplication.class).inNamespace("team-e");
    assertThat(runs.withName(running).get().getSpec().isSuspend()).isTrue();
    assertThat(runs.withName(done).get().getSpec().isSuspend()).isFalse();
  }

  @Test
  void deletingAnUnknownVirtualClusterIsAValidationError() {
    var reply = http.delete("/virtualclusters/nosuchcluster");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorType()).as("DeleteVirtualCluster models no ResourceNotFoundException")
        .isEqualTo("ValidationException");
  }
}
