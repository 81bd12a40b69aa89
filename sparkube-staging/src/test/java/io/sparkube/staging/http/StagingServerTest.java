package io.sparkube.staging.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.model.error.SparkubeException;
import io.sparkube.staging.CountingHttpClient;
import io.sparkube.staging.TestData;
import io.sparkube.staging.TestingStaging;
import io.sparkube.staging.client.FileHashes;
import io.sparkube.staging.client.StagedEntry;
import io.sparkube.staging.client.StagingClient;
import io.sparkube.staging.client.UploadProgress;
import io.sparkube.staging.service.JobId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API end to end: upload, HEAD, reference, download, release, through the real client and server. */
class StagingServerTest {
  @TempDir
  Path dir;
  TestingStaging staging;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void start() {
    staging = new TestingStaging(dir, Map.of(
        "sparkube.staging.externalUri", "https://staging.example.com/prefix/",
        "sparkube.staging.internalUri", "http://sparkube-staging.sparkube.svc:8080")).start();
  }

  @AfterEach
  void stop() {
    staging.close();
  }

  /** A signed URL's path and query, against the test server (its hosts are not resolvable here). */
  private URI local(URI signed) {
    return URI.create(staging.base() + signed.getRawPath().replaceFirst("^/prefix", "") + "?" + signed.getRawQuery());
  }

  private HttpResponse<byte[]> get(URI uri, String... headers) throws Exception {
    var request = HttpRequest.newBuilder(uri);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void uploadHeadReferenceDownloadRoundTrip() throws Exception {
    var content = TestData.randomBytes(3 * 1024 * 1024 + 17, 1);
    var file = TestData.write(dir.resolve("app.jar"), content);
    var progress = new ArrayList<Long>();

    var uploaded = staging.client().upload(file, (sent, total) -> progress.add(sent));

    assertThat(uploaded.sha256()).isEqualTo(TestData.sha256(content));
    assertThat(uploaded.transferred()).isTrue();
    assertThat(progress).isNotEmpty().last().isEqualTo((long) content.length);
    var head = http.send(HttpRequest.newBuilder(URI.create(staging.base() + "/v1/blobs/" + uploaded.sha256()))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + staging.token())
        .build(), HttpResponse.BodyHandlers.discarding());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(content.length);

    var urls = staging.client().reference("default:spark-pi-driver",
        List.of(new StagedEntry(uploaded.sha256(), "my app.jar")));
    assertThat(urls).singleElement().satisfies(u -> {
      assertThat(u.size()).isEqualTo(content.length);
      assertThat(u.url().toString()).startsWith("http://sparkube-staging.sparkube.svc:8080/v1/files/"
          + uploaded.sha256() + "/my%20app.jar?expires=");
      assertThat(u.externalUrl().toString()).startsWith("https://staging.example.com/prefix/v1/files/"
          + uploaded.sha256() + "/my%20app.jar?expires=");
    });

    var download = get(local(urls.get(0).url()));
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Accept-Ranges")).hasValue("bytes");
    assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(content.length);
    assertThat(download.body()).isEqualTo(content);
    // Both URLs carry the same signature: only the base differs, and the base is not signed.
    assertThat(get(local(urls.get(0).externalUrl())).body()).isEqualTo(content);
  }

  @Test
  void uploadingAFileTheServerHasCostsOneHead() throws Exception {
    var file = TestData.write(dir.resolve("dep.jar"), TestData.randomBytes(100_000, 2));
    staging.client().upload(file, UploadProgress.NONE);
    var counting = new CountingHttpClient();

    var again = staging.client(counting).upload(file, UploadProgress.NONE);

    assertThat(again.transferred()).isFalse();
    assertThat(counting.requests).containsExactly("HEAD /v1/blobs/" + again.sha256());
  }

  @Test
  void aRememberedHashSavesHashingAndAWrongOneIsFoundByTheServerAndReplaced() throws Exception {
    var file = TestData.write(dir.resolve("dep.jar"), TestData.randomBytes(100_000, 3));
    var cache = dir.resolve("hash-cache");
    var hashes = FileHashes.cachedIn(cache, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)));
    var trueSha = hashes.sha256(file);
    var wrongSha = TestData.sha256(new byte[] {1});
    try (var records = Files.list(cache)) {
      var record = records.findFirst().orElseThrow();
      Files.writeString(record, Files.readString(record).replace(trueSha, wrongSha));
    }
    var counting = new CountingHttpClient();

    var uploaded = staging.client(counting).withFileHashes(hashes).upload(file, UploadProgress.NONE);

    assertThat(uploaded.sha256()).isEqualTo(trueSha);
    assertThat(uploaded.transferred()).isTrue();
    // Bodies go through HttpURLConnection, so only the HEADs are counted: the second one is the fall-back.
    assertThat(counting.requests).containsExactly("HEAD /v1/blobs/" + wrongSha, "HEAD /v1/blobs/" + trueSha);
    assertThat(staging.storedFiles()).as("only the true blob and its metadata").hasSize(2);
    assertThat(hashes.sha256(file)).as("the wrong record is gone").isEqualTo(trueSha);
  }

  @Test
  void aLargeFileOfUnknownHashIsSentUnnamedAndTheServerNamesIt() throws Exception {
    var bytes = TestData.randomBytes((32 << 20) + 5, 4);
    var file = TestData.write(dir.resolve("big.jar"), bytes);
    var counting = new CountingHttpClient();

    var uploaded = staging.client(counting).upload(file, UploadProgress.NONE);

    assertThat(uploaded.sha256()).isEqualTo(TestData.sha256(bytes));
    assertThat(uploaded.transferred()).isTrue();
    assertThat(uploaded.size()).isEqualTo(bytes.length);
    // Bodies go through HttpURLConnection, not the counted client: no HEAD of a named blob came first.
    assertThat(counting.requests).containsExactly("HEAD /v1/blobs");
    var url = staging.client().reference("job-big", List.of(new StagedEntry(uploaded.sha256(), "big.jar"))).get(0);
    assertThat(get(local(url.url())).body()).isEqualTo(bytes);
  }

  @Test
  void anUnnamedUploadOfAStoredBlobStoresNothingNew() throws Exception {
    var file = TestData.write(dir.resolve("big.jar"), TestData.randomBytes((32 << 20) + 5, 5));
    var first = staging.client().upload(file, UploadProgress.NONE);

    var again = staging.client().upload(file, UploadProgress.NONE);

    assertThat(again.sha256()).isEqualTo(first.sha256());
    assertThat(again.transferred()).as("answered 200, not 201").isFalse();
    assertThat(staging.storedFiles()).as("the blob and its metadata").hasSize(2);
    assertThat(staging.tempFiles()).isEmpty();
  }

  @Test
  void theHashAServerNamedIsRememberedSoTheNextUploadIsOneHead() throws Exception {
    var file = TestData.write(dir.resolve("big.jar"), TestData.randomBytes((32 << 20) + 5, 6));
    var hashes = FileHashes.cachedIn(dir.resolve("hash-cache"), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)));
    var first = staging.client().withFileHashes(hashes).upload(file, UploadProgress.NONE);
    var counting = new CountingHttpClient();

    var again = staging.client(counting).withFileHashes(hashes).upload(file, UploadProgress.NONE);

    assertThat(again.sha256()).isEqualTo(first.sha256());
    assertThat(counting.requests).containsExactly("HEAD /v1/blobs/" + first.sha256());
  }

  @Test
  void unnamedUploadsNeedTheToken() throws Exception {
    var response = http.send(HttpRequest.newBuilder(URI.create(staging.base() + "/v1/blobs"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(staging.storedFiles()).isEmpty();
  }

  @Test
  void putOfAStoredBlobAnswers200WithoutStoringAgain() throws Exception {
    var content = TestData.randomBytes(1000, 3);
    var sha = TestData.sha256(content);
    var put = HttpRequest.newBuilder(URI.create(staging.base() + "/v1/blobs/" + sha))
        .header("Authorization", "Bearer " + staging.token()).PUT(HttpRequest.BodyPublishers.ofByteArray(content))
        .build();

    assertThat(http.send(put, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
    var second = http.send(put, HttpResponse.BodyHandlers.ofString());

    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).contains("\"created\":false");
    assertThat(staging.storedFiles()).hasSize(2);
  }

  @Test
  void rangeRequestsServeOneRange() throws Exception {
    var content = TestData.randomBytes(10_000, 4);
    var sha = staging.client().upload(TestData.write(dir.resolve("data.bin"), content), UploadProgress.NONE).sha256();
    var url = local(staging.client().reference("job-1", List.of(new StagedEntry(sha, "data.bin"))).get(0).url());

    var middle = get(url, "Range", "bytes=100-199");
    assertThat(middle.statusCode()).isEqualTo(206);
    assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 100-199/10000");
    assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(content, 100, 200));

    var open = get(url, "Range", "bytes=9990-");
    assertThat(open.statusCode()).isEqualTo(206);
    assertThat(open.body()).isEqualTo(Arrays.copyOfRange(content, 9990, 10_000));

    var suffix = get(url, "Range", "bytes=-10");
    assertThat(suffix.headers().firstValue("Content-Range")).hasValue("bytes 9990-9999/10000");
    assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(content, 9990, 10_000));

    var pastTheEnd = get(url, "Range", "bytes=10000-");
    assertThat(pastTheEnd.statusCode()).isEqualTo(416);
    assertThat(pastTheEnd.headers().firstValue("Content-Range")).hasValue("bytes */10000");

    var clamped = get(url, "Range", "bytes=9000-20000");
    assertThat(clamped.headers().firstValue("Content-Range")).hasValue("bytes 9000-9999/10000");

    // Several ranges are allowed to be answered with the whole blob, and are.
    var several = get(url, "Range", "bytes=0-1,5-6");
    assertThat(several.statusCode()).isEqualTo(200);
    assertThat(several.body()).isEqualTo(content);
  }

  @Test
  void uploadsAndJobCallsNeedTheToken() throws Exception {
    var sha = TestData.sha256(new byte[] {1});
    for (var auth : new String[] {null, "Bearer wrong-token-wrong-token", "Basic " + staging.token(),
        "Bearer " + staging.token() + "x", "Bearer"}) {
      for (var request : List.of(
          HttpRequest.newBuilder(URI.create(staging.base() + "/v1/blobs/" + sha)).method("HEAD",
              HttpRequest.BodyPublishers.noBody()),
          HttpRequest.newBuilder(URI.create(staging.base() + "/v1/blobs/" + sha))
              .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})),
          HttpRequest.newBuilder(URI.create(staging.base() + "/v1/jobs/job-1/blobs"))
              .POST(HttpRequest.BodyPublishers.ofString("{\"blobs\":[]}")),
          HttpRequest.newBuilder(URI.create(staging.base() + "/v1/jobs/job-1")).DELETE())) {
        if (auth != null) {
          request.header("Authorization", auth);
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s with %s", request.build(), auth).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
      }
    }
    assertThat(staging.storedFiles()).isEmpty();
  }

  @Test
  void theClientReportsARejectedTokenWithTheFix() {
    var file = TestData.write(dir.resolve("x.jar"), new byte[] {1, 2, 3});
    var client = new StagingClient(staging.base(), "not-the-token-at-all", http);

    assertThatThrownBy(() -> client.upload(file, UploadProgress.NONE))
        .isInstanceOf(SparkubeException.class)
        .hasMessageContaining("HTTP 401").hasMessageContaining("sparkube.staging.tokenFile");
  }

  @Test
  void referencingAnUnknownBlobReferencesNothing() throws Exception {
    var known = staging.client().upload(TestData.write(dir.resolve("a.jar"), new byte[] {1}), UploadProgress.NONE);
    var unknown = TestData.sha256(new byte[] {2});

    assertThatThrownBy(() -> staging.client().reference("job-1",
        List.of(new StagedEntry(known.sha256(), "a.jar"), new StagedEntry(unknown, "b.jar"))))
        .hasMessageContaining("HTTP 404").hasMessageContaining(unknown).hasMessageContaining("upload it again");
    assertThat(staging.server.service().blobsOf(new JobId("job-1"))).isEmpty();
  }

  @Test
  void malformedReferenceBodiesAreRefusedWithTheShape() throws Exception {
    for (var body : List.of("not json", "{}", "{\"blobs\":[{\"sha256\":\"abc\",\"fileName\":\"a.jar\"}]}",
        "{\"blobs\":[{\"sha256\":\"" + "a".repeat(64) + "\",\"fileName\":\"../a.jar\"}]}",
        "{\"blobs\":[{\"sha\":\"x\"}]}")) {
      var response = http.send(HttpRequest.newBuilder(URI.create(staging.base() + "/v1/jobs/job-1/blobs"))
          .header("Authorization", "Bearer " + staging.token()).POST(HttpRequest.BodyPublishers.ofString(body))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(response.body()).as(body).startsWith("{\"error\":\"").doesNotContain("\\n");
    }
  }

  @Test
  void releaseDropsTheJobsReferencesAndIsIdempotent() {
    var a = staging.client().upload(TestData.write(dir.resolve("a.jar"), new byte[] {1}), UploadProgress.NONE);
    var b = staging.client().upload(TestData.write(dir.resolve("b.jar"), new byte[] {2}), UploadProgress.NONE);
    staging.client().reference("job-1", List.of(new StagedEntry(a.sha256(), "a.jar"), new StagedEntry(b.sha256(),
        "b.jar")));
    staging.client().reference("job-2", List.of(new StagedEntry(a.sha256(), "a.jar")));

    assertThat(staging.client().release("job-1")).isEqualTo(2);
    assertThat(staging.client().release("job-1")).isZero();

    var store = staging.server.service();
    assertThat(store.blobsOf(new JobId("job-2"))).hasSize(1);
  }

  @Test
  void healthAndUnknownEndpoints() throws Exception {
    assertThat(get(URI.create(staging.base() + "/healthz")).statusCode()).isEqualTo(200);
    assertThat(get(URI.create(staging.base() + "/v2/blobs/x/y")).statusCode()).isEqualTo(404);
    var wrongMethod = get(URI.create(staging.base() + "/v1/jobs/job-1"), "Authorization", "Bearer " + staging.token());
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(new String(wrongMethod.body())).contains("use DELETE");
  }
}
