package io.sparkube.staging.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.staging.TestClock;
import io.sparkube.staging.TestData;
import io.sparkube.staging.error.Problem;
import io.sparkube.staging.error.StagingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on its own: what becomes a blob, what never does, and what a restart finds. */
class BlobStoreTest {
  @TempDir
  Path dir;
  final TestClock clock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));

  BlobStore open(long maxBlob, long maxStore) {
    return BlobStore.open(dir, maxBlob, OptionalLong.of(maxStore), clock);
  }

  static BlobStore.Outcome put(BlobStore store, byte[] bytes, Sha256 sha, OptionalLong size) throws IOException {
    try (var upload = store.begin(Optional.of(sha), size)) {
      upload.writeAll(new ByteArrayInputStream(bytes));
      return upload.commit();
    }
  }

  /** Every file under the store, relative to it, sorted. */
  List<String> files() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void aBlobIsStoredWithItsMetadataAndAgainIsANoOp() throws Exception {
    var store = open(1 << 20, 1 << 30);
    var bytes = TestData.randomBytes(100_000, 1);
    var sha = new Sha256(TestData.sha256(bytes));

    assertThat(put(store, bytes, sha, OptionalLong.of(bytes.length))).isEqualTo(BlobStore.Outcome.CREATED);
    assertThat(put(store, bytes, sha, OptionalLong.empty())).isEqualTo(BlobStore.Outcome.EXISTED);

    var hex = sha.hex();
    assertThat(files()).containsExactly("blobs/" + hex.substring(0, 2) + "/" + hex,
        "blobs/" + hex.substring(0, 2) + "/" + hex + ".json");
    assertThat(Files.readAllBytes(store.blob(sha).orElseThrow().file())).isEqualTo(bytes);
    assertThat(store.meta(sha).orElseThrow()).isEqualTo(new BlobMeta(hex, bytes.length,
        clock.instant().toEpochMilli(), List.of(), null));
    assertThat(store.usedBytes()).isEqualTo(bytes.length);
  }

  @Test
  void aStreamIsNeverHeldInMemoryWhole() throws Exception {
    var store = open(256L << 20, 1L << 40);
    long size = 200L << 20;
    var digest = MessageDigest.getInstance("SHA-256");
    var block = TestData.randomBytes(1 << 20, 2);
    for (int i = 0; i < 200; i++) {
      digest.update(block);
    }
    var sha = Sha256.of(digest.digest());
    // 200 MiB produced on the fly, through a 64 KiB buffer: a store that buffered it would need the heap.
    InputStream endless = new InputStream() {
      long left = size;

      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left == 0) {
          return -1;
        }
        int n = (int) Math.min(Math.min(len, left), block.length - (size - left) % block.length);
        System.arraycopy(block, (int) ((size - left) % block.length), b, off, n);
        left -= n;
        return n;
      }
    };
    try (var upload = store.begin(Optional.of(sha), OptionalLong.empty())) {
      upload.writeAll(endless);
      assertThat(upload.commit()).isEqualTo(BlobStore.Outcome.CREATED);
    }
    assertThat(store.meta(sha).orElseThrow().size()).isEqualTo(size);
  }

  @Test
  void aMismatchOversizeOrAbandonedUploadLeavesNothing() throws Exception {
    var store = open(1000, 1 << 20);
    var bytes = TestData.randomBytes(500, 3);
    var wrong = new Sha256("0".repeat(64));

    assertThatThrownBy(() -> put(store, bytes, wrong, OptionalLong.empty()))
        .isInstanceOfSatisfying(StagingException.class, e -> assertThat(e.problem()).isEqualTo(Problem.HASH_MISMATCH));
    assertThatThrownBy(() -> put(store, TestData.randomBytes(1001, 4), wrong, OptionalLong.empty()))
        .isInstanceOfSatisfying(StagingException.class, e -> assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE));
    assertThatThrownBy(() -> store.begin(Optional.of(wrong), OptionalLong.of(1001)))
        .isInstanceOfSatisfying(StagingException.class, e -> assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE));
    assertThatThrownBy(() -> put(store, bytes, new Sha256(TestData.sha256(bytes)), OptionalLong.of(501)))
        .hasMessageContaining("ended after 500 of the 501 bytes");
    try (var upload = store.begin(Optional.of(wrong), OptionalLong.empty())) {
      upload.write(ByteBuffer.wrap(bytes));
    }

    assertThat(files()).isEmpty();
    assertThat(store.usedBytes()).isZero();
  }

  @Test
  void theStoreLimitCountsUploadsInProgress() throws Exception {
    var store = open(1000, 1500);
    var first = store.begin(Optional.of(new Sha256("1".repeat(64))), OptionalLong.of(1000));

    assertThatThrownBy(() -> store.begin(Optional.of(new Sha256("2".repeat(64))), OptionalLong.of(600)))
        .isInstanceOfSatisfying(StagingException.class, e -> assertThat(e.problem()).isEqualTo(Problem.STORE_FULL))
        .hasMessageContaining("sparkube.staging.maxStoreBytes");
    first.close();
    store.begin(Optional.of(new Sha256("2".repeat(64))), OptionalLong.of(600)).close();
    assertThat(store.usedBytes()).isZero();
  }

  @Test
  void aRestartKeepsBlobsAndMetadataAndDropsWhatACrashLeft() throws Exception {
    var store = open(1 << 20, 1 << 30);
    var bytes = TestData.randomBytes(1000, 5);
    var sha = new Sha256(TestData.sha256(bytes));
    put(store, bytes, sha, OptionalLong.empty());
    store.update(sha, m -> m.withJob("job-1"));
    // What crashes leave: an upload in progress, a blob whose metadata was never written, and
    // metadata whose blob was deleted.
    Files.write(dir.resolve("tmp").resolve("x.part"), new byte[] {1});
    var orphanBytes = TestData.randomBytes(10, 6);
    var orphan = new Sha256(TestData.sha256(orphanBytes));
    Files.createDirectories(dir.resolve("blobs").resolve(orphan.hex().substring(0, 2)));
    Files.write(dir.resolve("blobs").resolve(orphan.hex().substring(0, 2)).resolve(orphan.hex()), orphanBytes);
    var ghost = new Sha256("f".repeat(64));
    Files.createDirectories(dir.resolve("blobs").resolve("ff"));
    Files.writeString(dir.resolve("blobs").resolve("ff").resolve(ghost.hex() + ".json"), "{}");
    clock.advance(Duration.ofMinutes(5));

    var reopened = open(1 << 20, 1 << 30);

    assertThat(reopened.meta(sha).orElseThrow().jobs()).containsExactly("job-1");
    assertThat(reopened.meta(orphan).orElseThrow().createdEpochMillis()).isEqualTo(clock.instant().toEpochMilli());
    assertThat(reopened.meta(ghost)).isEmpty();
    assertThat(Files.list(dir.resolve("tmp")).toList()).isEmpty();
    assertThat(Files.exists(dir.resolve("blobs").resolve("ff").resolve(ghost.hex() + ".json"))).isFalse();
    assertThat(reopened.usedBytes()).isEqualTo(1010);
  }

  @Test
  void onlyLowerCaseHexOfTheRightLengthNamesABlob() {
    for (var bad : new String[] {"a".repeat(63), "a".repeat(65), "A".repeat(64), "../" + "a".repeat(61), "",
        "g".repeat(64), "a".repeat(63) + "\n"}) {
      assertThatThrownBy(() -> new Sha256(bad)).as(bad).isInstanceOfSatisfying(StagingException.class,
          e -> assertThat(e.problem()).isEqualTo(Problem.BAD_REQUEST));
    }
  }
}
