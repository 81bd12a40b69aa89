package io.sparkube.staging.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.staging.TestClock;
import io.sparkube.staging.TestData;
import io.sparkube.staging.error.Problem;
import io.sparkube.staging.error.StagingException;
import io.sparkube.staging.signing.FileName;
import io.sparkube.staging.signing.SecretFiles;
import io.sparkube.staging.signing.SigningKey;
import io.sparkube.staging.signing.UrlSigner;
import io.sparkube.staging.store.BlobStore;
import io.sparkube.staging.store.Sha256;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service with no HTTP: what a URL it signs opens, and for how long. */
class StagingServiceTest {
  @TempDir
  Path dir;
  final TestClock clock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));
  StagingService service;

  @BeforeEach
  void create() throws Exception {
    var store = BlobStore.open(dir.resolve("store"), 1 << 20, OptionalLong.empty(), clock);
    var signer = new UrlSigner(SigningKey.read(SecretFiles.createSigningKey(dir.resolve("key")), "k"));
    service = new StagingService(store, signer, new BaseUris(URI.create("https://out.example.com/staging/"),
        URI.create("http://in.svc:8080")), Duration.ofHours(2), clock);
  }

  /** The expiry and signature of a signed URL, as the server reads them. */
  private static String[] query(URI url) {
    var parts = url.getRawQuery().split("&");
    return new String[] {parts[0].substring("expires=".length()), parts[1].substring("signature=".length())};
  }

  @Test
  void aSignedUrlOpensItsBlobUntilItExpires() throws Exception {
    var bytes = TestData.randomBytes(1234, 1);
    var sha = new Sha256(TestData.sha256(bytes));
    assertThat(service.upload(sha, OptionalLong.of(bytes.length), new ByteArrayInputStream(bytes)))
        .isEqualTo(BlobStore.Outcome.CREATED);

    var signed = service.reference(new JobId("ns:driver-1"), List.of(new StagedFile(sha, new FileName("a b.jar"))));

    var url = signed.get(0).url();
    assertThat(url.toString()).startsWith("http://in.svc:8080/v1/files/" + sha.hex() + "/a%20b.jar?expires="
        + clock.instant().plus(Duration.ofHours(2)).getEpochSecond() + "&signature=");
    assertThat(signed.get(0).externalUrl().toString())
        .startsWith("https://out.example.com/staging/v1/files/" + sha.hex() + "/a%20b.jar?expires=");
    var q = query(url);
    assertThat(Files.readAllBytes(service.open(sha, new FileName("a b.jar"), q[0], q[1]).file())).isEqualTo(bytes);

    clock.advance(Duration.ofHours(2).plusSeconds(1));
    assertThatThrownBy(() -> service.open(sha, new FileName("a b.jar"), q[0], q[1]))
        .isInstanceOfSatisfying(StagingException.class, e -> assertThat(e.problem()).isEqualTo(Problem.FORBIDDEN));
  }

  @Test
  void uploadingWhatIsStoredReadsNothing() {
    var bytes = TestData.randomBytes(10, 2);
    var sha = new Sha256(TestData.sha256(bytes));
    service.upload(sha, OptionalLong.empty(), new ByteArrayInputStream(bytes));

    var untouched = new ByteArrayInputStream(bytes);
    assertThat(service.upload(sha, OptionalLong.empty(), untouched)).isEqualTo(BlobStore.Outcome.EXISTED);
    assertThat(untouched.available()).isEqualTo(bytes.length);
  }

  @Test
  void aJobIsReleasedOnlyIfItReferencedNothingSinceTheGivenTime() {
    var bytes = TestData.randomBytes(10, 3);
    var sha = new Sha256(TestData.sha256(bytes));
    service.upload(sha, OptionalLong.empty(), new ByteArrayInputStream(bytes));
    var job = new JobId("spark-0123");
    var file = List.of(new StagedFile(sha, new FileName("app.jar")));
    service.reference(job, file);
    var firstReference = clock.instant();
    clock.advance(Duration.ofMinutes(10));
    service.reference(job, file);

    assertThat(service.referencingJobs()).containsOnly(Map.entry(job, clock.instant()));
    assertThat(service.releaseIfNotReferencedSince(job, firstReference)).isZero();
    assertThat(service.releaseIfNotReferencedSince(job, clock.instant())).isZero();
    assertThat(service.blobsOf(job)).containsExactly(sha);

    assertThat(service.releaseIfNotReferencedSince(job, clock.instant().plusMillis(1))).isEqualTo(1);
    assertThat(service.blobsOf(job)).isEmpty();
    assertThat(service.referencingJobs()).isEmpty();
  }
}
