package io.sparkube.staging.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sparkube.staging.CountingHttpClient;
import io.sparkube.staging.RawHttp;
import io.sparkube.staging.TestData;
import io.sparkube.staging.TestingStaging;
import io.sparkube.staging.client.UploadProgress;
import io.sparkube.staging.store.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads the server must refuse, each with its own status, leaving nothing stored behind. */
class UploadLimitsTest {
  @TempDir
  Path dir;
  TestingStaging staging;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @AfterEach
  void stop() {
    staging.close();
  }

  private void start(Map<String, String> settings) {
    staging = new TestingStaging(dir, settings).start();
  }

  /** JDK 17's client hangs on Expect: 100-continue refusals (JDK-8286171); raw sockets test those. */
  private HttpResponse<String> put(String sha, byte[] body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(staging.base() + "/v1/blobs/" + sha))
        .header("Authorization", "Bearer " + staging.token())
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private RawHttp.Response putChunked(String sha, long total) throws Exception {
    return chunked("PUT /v1/blobs/" + sha, total);
  }

  /** Streams a chunked body of {@code total} bytes on a raw socket, reading the answer while sending. */
  private RawHttp.Response chunked(String methodAndPath, long total) throws Exception {
    try (var socket = staging.raw().open()) {
      var answer = CompletableFuture.supplyAsync(() -> {
        try {
          return RawHttp.read(socket.getInputStream());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      var out = socket.getOutputStream();
      out.write((methodAndPath + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + staging.token()
          + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      sendChunks(out, total, answer);
      return answer.get(30, TimeUnit.SECONDS);
    }
  }

  /** Stops sending once the server has answered or hung up, as a real client does. */
  private static void sendChunks(OutputStream out, long total, CompletableFuture<?> answer) {
    var chunk = TestData.randomBytes(64 * 1024, 9);
    try {
      for (long sent = 0; sent < total && !answer.isDone(); sent += chunk.length) {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    } catch (IOException e) {
      // The server closed the connection after answering; the answer is what matters.
    }
  }

  @Test
  void declaredSizeOverTheLimitIs413BeforeAnyByteIsSent() {
    start(Map.of("sparkube.staging.maxBlobBytes", "1m"));

    // Only the head goes out: the answer must come without a 100 Continue and without the body.
    var response = staging.raw().exchange("PUT /v1/blobs/" + "d".repeat(64) + " HTTP/1.1\r\nHost: x\r\n"
        + "Authorization: Bearer " + staging.token() + "\r\nExpect: 100-continue\r\nContent-Length: "
        + (1024 * 1024 + 1), new byte[0]);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.text()).contains("sparkube.staging.maxBlobBytes");
    assertThat(staging.storedFiles()).isEmpty();
    assertThat(staging.tempFiles()).isEmpty();
  }

  @Test
  void anUnnamedUploadOverTheLimitIs413BeforeAnyByteIsSent() {
    start(Map.of("sparkube.staging.maxBlobBytes", "1m"));

    var response = staging.raw().exchange("POST /v1/blobs HTTP/1.1\r\nHost: x\r\n"
        + "Authorization: Bearer " + staging.token() + "\r\nExpect: 100-continue\r\nContent-Length: "
        + (1024 * 1024 + 1), new byte[0]);

    assertThat(response.status()).isEqualTo(413);
    assertThat(staging.storedFiles()).isEmpty();
    assertThat(staging.tempFiles()).isEmpty();
  }

  @Test
  void aChunkedUnnamedUploadOverTheLimitStopsAt413() throws Exception {
    start(Map.of("sparkube.staging.maxBlobBytes", "1m"));

    assertThat(chunked("POST /v1/blobs", 4L << 20).status()).isEqualTo(413);

    await().atMost(Duration.ofSeconds(10)).until(() -> staging.tempFiles().isEmpty());
    assertThat(staging.storedFiles()).isEmpty();
  }

  @Test
  void declaredSizeOverTheLimitIs413EvenWhenTheBodyIsSent() throws Exception {
    start(Map.of("sparkube.staging.maxBlobBytes", "1m"));
    var body = TestData.randomBytes(1024 * 1024 + 1, 5);

    var response = put(TestData.sha256(body), body);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(staging.storedFiles()).isEmpty();
  }

  @Test
  void theClientRefusesAFileOverTheLimitWithoutSendingIt() {
    start(Map.of("sparkube.staging.maxBlobBytes", "1k"));
    var file = TestData.write(dir.resolve("big.jar"), TestData.randomBytes(1025, 11));
    var counting = new CountingHttpClient();

    assertThatThrownBy(() -> staging.client(counting).upload(file, UploadProgress.NONE))
        .hasMessageContaining("1025 bytes").hasMessageContaining("sparkube.staging.maxBlobBytes=1024");
    assertThat(counting.requests).hasSize(1).allMatch(r -> r.startsWith("HEAD "));
  }

  @Test
  void chunkedBodyOverTheLimitIs413AndNothingIsKept() throws Exception {
    start(Map.of("sparkube.staging.maxBlobBytes", "1m"));

    var response = putChunked("a".repeat(64), 64L * 1024 * 1024);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.text()).contains("maxBlobBytes");
    assertThat(staging.storedFiles()).isEmpty();
    await().atMost(Duration.ofSeconds(10)).until(() -> staging.tempFiles().isEmpty());
  }

  @Test
  void chunkedBodyWithinTheLimitIsStored() throws Exception {
    start(Map.of());
    var body = "hello, chunked".getBytes(StandardCharsets.UTF_8);
    var sha = TestData.sha256(body);

    var response = staging.raw().exchange("PUT /v1/blobs/" + sha + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + staging.token() + "\r\nTransfer-Encoding: chunked", ("e\r\nhello, chunked\r\n0\r\n\r\n").getBytes());

    assertThat(response.status()).isEqualTo(201);
    assertThat(staging.server.service().exists(new Sha256(sha))).hasValue(body.length);
  }

  @Test
  void bytesThatDoNotHashToTheNameAre400AndNothingIsKept() throws Exception {
    start(Map.of());
    var body = TestData.randomBytes(200_000, 6);
    var otherSha = TestData.sha256(new byte[] {42});

    var response = put(otherSha, body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("hash to " + TestData.sha256(body)).contains("upload it again");
    assertThat(staging.storedFiles()).isEmpty();
    assertThat(staging.tempFiles()).isEmpty();
    assertThat(http.send(HttpRequest.newBuilder(URI.create(staging.base() + "/v1/blobs/" + otherSha))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + staging.token())
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
  }

  @Test
  void storeFullIs507ByDeclaredSizeAndWhileStreaming() throws Exception {
    start(Map.of("sparkube.staging.maxStoreBytes", "1m"));
    var first = TestData.randomBytes(700 * 1024, 7);
    assertThat(put(TestData.sha256(first), first).statusCode()).isEqualTo(201);
    var second = TestData.randomBytes(400 * 1024, 8);

    var declared = put(TestData.sha256(second), second);
    var streamed = putChunked("b".repeat(64), 400 * 1024);

    assertThat(declared.statusCode()).isEqualTo(507);
    assertThat(declared.body()).contains("sparkube.staging.maxStoreBytes");
    assertThat(streamed.status()).isEqualTo(507);
    assertThat(staging.storedFiles()).hasSize(2);
    await().atMost(Duration.ofSeconds(10)).until(() -> staging.tempFiles().isEmpty());
    // What did not fit took no space: a blob that fits in what is left still goes in.
    var small = TestData.randomBytes(300 * 1024, 10);
    assertThat(put(TestData.sha256(small), small).statusCode()).isEqualTo(201);
  }

  @Test
  void badContentLengthIs400() {
    start(Map.of());

    var response = staging.raw().exchange("PUT /v1/blobs/" + "c".repeat(64) + " HTTP/1.1\r\nHost: x\r\n"
        + "Authorization: Bearer " + staging.token() + "\r\nContent-Length: -5", new byte[0]);

    assertThat(response.status()).isEqualTo(400);
  }
}
