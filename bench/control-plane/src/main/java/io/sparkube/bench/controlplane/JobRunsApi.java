package io.sparkube.bench.controlplane;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

/**
 * The job-runs REST API as the benchmark calls it: bearer token, JSON, HTTP/1.1 with kept-alive
 * connections (one per calling thread), as an SDK client would.
 */
final class JobRunsApi {
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-z]+)\"");

  /** What the API answered. */
  record Reply(int status, String body) {
    String id() {
      var m = ID.matcher(body);
      if (!m.find()) {
        throw new IllegalStateException("no id in " + body);
      }
      return m.group(1);
    }
  }

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String baseUrl;
  private final String token;

  JobRunsApi(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** A virtual cluster over namespace default; returns its id. */
  String createVirtualCluster(String name) throws IOException, InterruptedException {
    var reply = post("/virtualclusters", """
        {"name": "%s", "clientToken": "%s",
         "containerProvider": {"type": "EKS", "id": "local", "info": {"eksInfo": {"namespace": "default"}}}}"""
        .formatted(name, name));
    if (reply.status() != 200) {
      throw new IllegalStateException("CreateVirtualCluster answered " + reply.status() + ": " + reply.body());
    }
    return reply.id();
  }

  /** StartJobRun of SparkPi from {@code examplesJar}; the client token makes each call a new run. */
  Reply startJobRun(String virtualCluster, String clientToken, String examplesJar)
      throws IOException, InterruptedException {
    return post("/virtualclusters/" + virtualCluster + "/jobruns", """
        {"name": "pi", "clientToken": "%s", "releaseLabel": "emr-spark-8.0.0-latest",
         "executionRoleArn": "arn:aws:iam::111122223333:role/pi",
         "jobDriver": {"sparkSubmitJobDriver": {"entryPoint": "%s", "entryPointArguments": ["100"],
           "sparkSubmitParameters": "--class org.apache.spark.examples.SparkPi"}}}"""
        .formatted(clientToken, examplesJar));
  }

  private Reply post(String path, String body) throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body());
  }
}
