package io.sparkube.staging.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkube.staging.TestData;
import io.sparkube.staging.TestingStaging;
import io.sparkube.staging.client.StagedEntry;
import io.sparkube.staging.client.UploadProgress;
import io.sparkube.staging.service.Audience;
import io.sparkube.staging.signing.FileName;
import io.sparkube.staging.store.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests that try to read outside the store, sent raw so no client tidies them first. A secret
 * file sits right beside the store: no answer may ever contain it.
 */
class PathTraversalTest {
  private static final String SECRET = "do-not-serve-this-secret";

  @TempDir
  Path dir;
  TestingStaging staging;
  String sha;
  String validQuery;

  @BeforeEach
  void start() throws Exception {
    staging = new TestingStaging(dir).start();
    Files.writeString(dir.resolve("passwd"), SECRET);
    Files.writeString(dir.resolve("store").resolve("passwd"), SECRET);
    var content = "public bytes".getBytes(StandardCharsets.UTF_8);
    sha = staging.client().upload(TestData.write(dir.resolve("ok.txt"), content), UploadProgress.NONE).sha256();
    var url = staging.client().reference("job-1", List.of(new StagedEntry(sha, "ok.txt"))).get(0).url();
    validQuery = url.getRawQuery();
  }

  @AfterEach
  void stop() {
    staging.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/v1/files/../../passwd/ok.txt",
      "/v1/files/%2e%2e%2f%2e%2e%2fpasswd/ok.txt",
      "/v1/files/..%2f..%2fpasswd/ok.txt",
      "/v1/files/SHA/..%2f..%2f..%2fpasswd",
      "/v1/files/SHA/%2e%2e%2fpasswd",
      "/v1/files/SHA/%2E%2E",
      "/v1/files/SHA/..",
      "/v1/files/SHA/.",
      "/v1/files/SHA/..%5c..%5cpasswd",
      "/v1/files/SHA/a%00b",
      "/v1/files/SHA/a%0d%0aSet-Cookie:x",
      "/v1/files/SHA/%zz",
      "/v1/files/SHA/%c0%ae%c0%ae",
      "/v1/files/SHA/../../passwd",
      "/v1/files/SHA/ok.txt/../../../passwd",
      "/v1/files/SHA//ok.txt",
      "/v1/files/../store/passwd",
      "/v1/files/SHORT/ok.txt",
      "/v1/files/UPPER/ok.txt",
      "/v1/files/SHA%2fok.txt",
      "/v1/files/SHA%00/ok.txt",
      "/v1/blobs/../../passwd",
      "/v1/blobs/%2e%2e%2fpasswd",
      "/../passwd",
      "/v1/../../passwd",
      "../../passwd",
  })
  void nothingOutsideTheStoreIsEverServed(String path) {
    var target = path.replace("SHORT", sha.substring(1)).replace("UPPER", sha.toUpperCase())
        .replace("SHA", sha) + "?" + validQuery;

    var response = staging.raw().exchange("GET " + target + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + staging.token(), new byte[0]);

    assertThat(response.status()).as(target).isIn(400, 403, 404, 405);
    assertThat(response.text()).doesNotContain(SECRET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../passwd", "%2e%2e%2fpasswd", "SHORT", "UPPER", "SHA%2f..", "SHA/.."})
  void blobNamesThatAreNotAHashAreRefused(String name) {
    var blob = name.replace("SHORT", sha.substring(1)).replace("UPPER", sha.toUpperCase()).replace("SHA", sha);

    for (var method : List.of("HEAD", "PUT")) {
      var response = staging.raw().exchange(method + " /v1/blobs/" + blob + " HTTP/1.1\r\nHost: x\r\n"
          + "Authorization: Bearer " + staging.token() + "\r\nContent-Length: 6", SECRET.substring(0, 6).getBytes());
      assertThat(response.status()).as(method + " " + blob).isIn(400, 404);
    }
    assertThat(staging.storedFiles()).hasSize(2);
  }

  @Test
  void theValidUrlStillWorks() {
    var response = staging.raw().get("/v1/files/" + sha + "/ok.txt?" + validQuery);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text()).isEqualTo("public bytes");
  }

  @Test
  void aNameThatNeedsEncodingRoundTrips() {
    var name = new FileName("spark job (v2) – ünïcode+plus.jar");
    var url = staging.server.service().signedUrl(new Sha256(sha), name, Audience.INTERNAL);

    var response = staging.raw().get(url.getRawPath() + "?" + url.getRawQuery());

    assertThat(url.getRawPath()).endsWith("/spark%20job%20%28v2%29%20%E2%80%93%20%C3%BCn%C3%AFcode%2Bplus.jar");
    assertThat(response.status()).isEqualTo(200);
  }
}
