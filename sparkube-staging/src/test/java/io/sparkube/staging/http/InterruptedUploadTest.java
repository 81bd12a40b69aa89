package io.sparkube.staging.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sparkube.staging.TestData;
import io.sparkube.staging.TestingStaging;
import io.sparkube.staging.client.StagedEntry;
import io.sparkube.staging.client.UploadProgress;
import io.sparkube.staging.service.Audience;
import io.sparkube.staging.signing.FileName;
import io.sparkube.staging.store.Sha256;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads cut off halfway, by the client or by the server going down: nothing partial, ever. */
class InterruptedUploadTest {
  private static final int SIZE = 32 * 1024 * 1024;

  @TempDir
  Path dir;
  TestingStaging staging;
  byte[] content;
  String sha;
  Path file;

  @BeforeEach
  void start() {
    staging = new TestingStaging(dir).start();
    content = TestData.randomBytes(SIZE, 12);
    sha = TestData.sha256(content);
    file = TestData.write(dir.resolve("big.jar"), content);
  }

  @AfterEach
  void stop() {
    staging.close();
  }

  /** Sends the head and the first half of the body, and waits until the server is writing it. */
  private Socket halfUpload() throws IOException {
    var socket = staging.raw().open();
    var out = socket.getOutputStream();
    out.write(("PUT /v1/blobs/" + sha + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + staging.token()
        + "\r\nContent-Length: " + SIZE + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.write(content, 0, SIZE / 2);
    out.flush();
    var tmp = staging.storeDir.resolve("tmp");
    await().atMost(Duration.ofSeconds(20)).until(() -> staging.tempFiles().stream()
        .anyMatch(f -> sizeOf(f) >= SIZE / 4));
    assertThat(tmp).isDirectory();
    return socket;
  }

  private static long sizeOf(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      return 0;
    }
  }

  private void assertNothingPartialIsServed() {
    assertThat(staging.server.service().exists(new Sha256(sha))).isEmpty();
    var head = staging.raw().exchange("HEAD /v1/blobs/" + sha + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + staging.token(), new byte[0]);
    assertThat(head.status()).isEqualTo(404);
    // A URL signed for the hash (as if a job had asked) finds nothing to send.
    var url = staging.server.service().signedUrl(new Sha256(sha), new FileName("big.jar"), Audience.INTERNAL);
    assertThat(staging.raw().get(url.getRawPath() + "?" + url.getRawQuery()).status()).isEqualTo(404);
    assertThat(staging.storedFiles()).isEmpty();
  }

  private void assertRetrySucceeds() throws Exception {
    var uploaded = staging.client().upload(file, UploadProgress.NONE);
    assertThat(uploaded.transferred()).isTrue();
    var url = staging.client().reference("job-retry", List.of(new StagedEntry(sha, "big.jar"))).get(0).url();
    var response = staging.raw().get(url.getRawPath() + "?" + url.getRawQuery());
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(content);
  }

  @Test
  void aConnectionResetHalfwayLeavesNothing() throws Exception {
    var socket = halfUpload();

    socket.setSoLinger(true, 0);
    socket.close();

    await().atMost(Duration.ofSeconds(20)).until(() -> staging.tempFiles().isEmpty());
    assertNothingPartialIsServed();
    assertRetrySucceeds();
  }

  @Test
  void aConnectionClosedHalfwayLeavesNothing() throws Exception {
    var socket = halfUpload();

    socket.close();

    await().atMost(Duration.ofSeconds(20)).until(() -> staging.tempFiles().isEmpty());
    assertNothingPartialIsServed();
    assertRetrySucceeds();
  }

  @Test
  void theServerGoingDownHalfwayLeavesNothingAfterARestart() throws Exception {
    try (var socket = halfUpload()) {
      staging.close();
    }

    staging.start();

    assertThat(staging.tempFiles()).isEmpty();
    assertNothingPartialIsServed();
    assertRetrySucceeds();
  }

  @Test
  void whatAKilledServerLeftIsDeletedAtStart() throws Exception {
    staging.close();
    // What kill -9 mid-upload leaves: a temp upload and a temp metadata file.
    Files.write(staging.storeDir.resolve("tmp").resolve(sha + "-123.part"), new byte[] {1, 2, 3});
    Files.writeString(staging.storeDir.resolve("tmp").resolve(sha + "-456.json.part"), "{");

    staging.start();

    assertThat(staging.tempFiles()).isEmpty();
    assertNothingPartialIsServed();
    assertRetrySucceeds();
  }

  @Test
  void anIdleUploadIsAbandonedAtTheIdleTimeout() throws Exception {
    staging.close();
    staging = new TestingStaging(dir.resolve("idle"), Map.of("sparkube.staging.idleTimeout", "1s"))
        .start();
    try (var socket = halfUpload()) {
      await().atMost(Duration.ofSeconds(20)).until(() -> staging.tempFiles().isEmpty());
      assertThat(socket.getInputStream().read()).as("closed by the server").isEqualTo(-1);
    }
    assertNothingPartialIsServed();
  }
}
