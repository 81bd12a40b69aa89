package io.sparkube.cli.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The job-runs API's calls a test makes, as a caller with the bearer token would make them. */
final class JobRunsCalls {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String base;
  private final String token;

  JobRunsCalls(int port, String token) {
    this.base = "http://127.0.0.1:" + port;
    this.token = token;
  }

  /** The new virtual cluster's id. */
  String createVirtualCluster(String namespace) throws IOException, InterruptedException {
    return call("POST", "/virtualclusters", """
        {"name": "team", "clientToken": "vc-1",
         "containerProvider": {"type": "EKS", "id": "cluster", "info": {"eksInfo": {"namespace": "%s"}}}}"""
        .formatted(namespace)).get("id").asText();
  }

  /** Starts SparkPi as the given IAM role; returns the run's id. */
  String startJobRun(String virtualCluster, String clientToken, String roleArn)
      throws IOException, InterruptedException {
    return call("POST", "/virtualclusters/" + virtualCluster + "/jobruns", """
        {"name": "pi", "clientToken": "%s", "releaseLabel": "emr-spark-8.0.0-latest", "executionRoleArn": "%s",
         "jobDriver": {"sparkSubmitJobDriver": {
           "entryPoint": "local:///opt/spark/examples/jars/spark-examples_2.13-4.0.2.jar",
           "entryPointArguments": ["100"],
           "sparkSubmitParameters": "--class org.apache.spark.examples.SparkPi --conf spark.executor.instances=2"}}}"""
        .formatted(clientToken, roleArn)).get("id").asText();
  }

  String jobRunState(String virtualCluster, String run) throws IOException, InterruptedException {
    return call("GET", "/virtualclusters/" + virtualCluster + "/jobruns/" + run, null).at("/jobRun/state").asText();
  }

  void cancelJobRun(String virtualCluster, String run) throws IOException, InterruptedException {
    call("DELETE", "/virtualclusters/" + virtualCluster + "/jobruns/" + run, null);
  }

  String virtualClusterState(String virtualCluster) throws IOException, InterruptedException {
    return call("GET", "/virtualclusters/" + virtualCluster, null).at("/virtualCluster/state").asText();
  }

  void deleteVirtualCluster(String virtualCluster) throws IOException, InterruptedException {
    call("DELETE", "/virtualclusters/" + virtualCluster, null);
  }

  private JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
