package io.sparkube.e2e;

import io.sparkube.local.cluster.ClusterHome;
import io.sparkube.local.staging.LocalStaging;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;

/** Asks the local cluster's staging server, as an admin would, whether it still stores a blob. */
record StagedBlobs(URI base, String token) {

  static StagedBlobs of(Cli cli) {
    var home = ClusterHome.of(Map.of("SPARKUBE_HOME", cli.sparkubeHome().toString()));
    try {
      return new StagedBlobs(LocalStaging.published(home).orElseThrow(() -> new AssertionError(
          "the local cluster published no staging server")), Files.readString(home.stagingTokenFile()).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean stored(String sha256) {
    var request = HttpRequest.newBuilder(base.resolve("/v1/blobs/" + sha256))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + token).build();
    try {
      int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 200 && status != 404) {
        throw new AssertionError("HEAD " + request.uri() + " answered " + status);
      }
      return status == 200;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
