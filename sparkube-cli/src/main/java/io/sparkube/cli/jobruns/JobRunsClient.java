package io.sparkube.cli.jobruns;

import io.sparkube.jobruns.wire.Json;
import io.sparkube.jobruns.wire.StartJobRunRequest;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.resources.JobRunState;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The job-run operations of one virtual cluster, over HTTP/1.1 (the API serves nothing else) with
 * the bearer token. Answers other than 200 become failures; so does not reaching the API.
 */
final class JobRunsClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(CONNECT_TIMEOUT).build();
  private final ApiTarget target;
  private final String jobRunsPath;

  JobRunsClient(ApiTarget target, String virtualCluster) {
    this.target = target;
    this.jobRunsPath = "/virtualclusters/" + segment(virtualCluster) + "/jobruns";
  }

  ApiAnswer start(StartJobRunRequest request) throws InterruptedException {
    return send("POST", jobRunsPath, BodyPublishers.ofByteArray(Json.write(request)));
  }

  ApiAnswer describe(String id) throws InterruptedException {
    return send("GET", jobRunsPath + "/" + segment(id), BodyPublishers.noBody());
  }

  /** One page, newest first; rest-json sends a list as the same key repeated. */
  ApiAnswer list(Collection<JobRunState> states, int maxResults, Optional<String> nextToken)
      throws InterruptedException {
    var query = new ArrayList<String>();
    states.forEach(state -> query.add("states=" + state.name()));
    query.add("maxResults=" + maxResults);
    nextToken.ifPresent(token -> query.add("nextToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
    return send("GET", jobRunsPath + "?" + String.join("&", query), BodyPublishers.noBody());
  }

  ApiAnswer cancel(String id) throws InterruptedException {
    return send("DELETE", jobRunsPath + "/" + segment(id), BodyPublishers.noBody());
  }

  private ApiAnswer send(String method, String path, BodyPublisher body) throws InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(target.endpoint() + path)).timeout(ANSWER_TIMEOUT)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .method(method, body);
    target.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new SparkubeException(Failure.API_UNREACHABLE, "cannot reach the job-runs API at " + target.endpoint()
          + (target.local() ? "; is the local cluster up (sparkube local status)?"
              : "; is --endpoint right, and does the API run?"));
    } catch (HttpTimeoutException e) {
      throw new SparkubeException(Failure.API_UNREACHABLE, "the job-runs API at " + target.endpoint()
          + " did not answer " + method + " " + path + " within " + ANSWER_TIMEOUT.toSeconds() + "s");
    } catch (SSLException e) {
      throw new SparkubeException(Failure.TLS_FAILURE, "TLS with the job-runs API at " + target.endpoint()
          + " failed: " + e.getMessage());
    } catch (IOException e) {
      throw new SparkubeException(Failure.API_UNREACHABLE, "the job-runs API at " + target.endpoint()
          + " broke off " + method + " " + path + ": " + e);
    }
    if (response.statusCode() != 200) {
      throw ApiFailures.of(response);
    }
    return ApiAnswer.of(response.body(), method + " " + target.endpoint() + path);
  }

  /** Ids go into the path: one segment, whatever a user types. */
  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
