package io.sparkube.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sparkube.staging.signing.SecretFiles;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sparkube staging serve runs the server from its flags until it is stopped. */
class StagingServeTest {
  @TempDir
  Path home;

  @Test
  void servesFromItsFlagsUntilStopped() throws Exception {
    var token = SecretFiles.createToken(home.resolve("token"));
    var key = SecretFiles.createSigningKey(home.resolve("signing-key"));
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var serve = CompletableFuture.supplyAsync(() -> CliRun.of(home, "staging", "serve", "--host", "127.0.0.1",
        "--port", String.valueOf(port), "--dir", home.resolve("blobs").toString(), "--token-file", token.toString(),
        "--signing-key-file", key.toString(), "--retention", "10m"));
    var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    var health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build();
    try {
      await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
          .until(() -> http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
      var unauthorized = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/blobs/"
          + "0".repeat(64))).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(unauthorized.statusCode()).isEqualTo(401);
    } finally {
      // The server is this JVM's only child: stop it as Ctrl-C would.
      ProcessHandle.current().children().forEach(ProcessHandle::destroy);
    }
    var run = serve.get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(run.err()).doesNotContain("sparkube: cannot start");
  }

  @Test
  void aBadSettingFailsWithTheKeyNamed() throws Exception {
    var run = CliRun.of(home, "staging", "serve", "--port", "99999", "--dir", home.toString());
    assertThat(run.exitCode()).isEqualTo(76);
  }
}
