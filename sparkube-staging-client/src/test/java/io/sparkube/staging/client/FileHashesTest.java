package io.sparkube.staging.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHashesTest {
  /** A hash nothing hashes to, planted in a record to show whether the record was used. */
  private static final String PLANTED = "0".repeat(64);

  @TempDir
  Path dir;

  /** A clock a minute ahead, so files written by the test count as settled. */
  private final Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1));

  @Test
  void aSettledFilesHashIsRememberedAndUsedWithoutReadingIt() throws Exception {
    var file = Files.write(dir.resolve("app.jar"), new byte[] {1, 2, 3});
    var hashes = FileHashes.cachedIn(dir.resolve("cache"), later);

    var first = hashes.sha256(file);
    plant(dir.resolve("cache"));

    assertThat(first).isEqualTo(FileHashes.hash(file));
    assertThat(hashes.sha256(file)).as("the record's hash, not the file's").isEqualTo(PLANTED);
  }

  @Test
  void aFileRewrittenWithTheSameSizeAndModificationTimeIsHashedAgain() throws Exception {
    var file = Files.write(dir.resolve("app.jar"), new byte[] {1, 2, 3});
    var modified = Files.getLastModifiedTime(file);
    var hashes = FileHashes.cachedIn(dir.resolve("cache"), later);
    hashes.sha256(file);
    plant(dir.resolve("cache"));

    Files.write(file, new byte[] {7, 8, 9});
    Files.setLastModifiedTime(file, modified);

    assertThat(hashes.sha256(file)).as("the change time moved").isEqualTo(FileHashes.hash(file)).isNotEqualTo(PLANTED);
  }

  @Test
  void aFileChangedJustNowIsNotRemembered() throws Exception {
    var file = Files.write(dir.resolve("app.jar"), new byte[] {1, 2, 3});
    var hashes = FileHashes.cachedIn(dir.resolve("cache"), Clock.systemUTC());

    assertThat(hashes.sha256(file)).isEqualTo(FileHashes.hash(file));

    assertThat(dir.resolve("cache")).doesNotExist();
  }

  @Test
  void aRecordBelongsToOnePath() throws Exception {
    var file = Files.write(dir.resolve("a.jar"), new byte[] {1, 2, 3});
    var other = Files.write(dir.resolve("b.jar"), new byte[] {1, 2, 3});
    var hashes = FileHashes.cachedIn(dir.resolve("cache"), later);
    hashes.sha256(file);
    plant(dir.resolve("cache"));

    assertThat(hashes.sha256(other)).isEqualTo(FileHashes.hash(other));
  }

  @Test
  void forgettingDropsTheRecord() throws Exception {
    var file = Files.write(dir.resolve("app.jar"), new byte[] {1, 2, 3});
    var hashes = FileHashes.cachedIn(dir.resolve("cache"), later);
    hashes.sha256(file);
    plant(dir.resolve("cache"));

    hashes.forget(file);

    assertThat(hashes.sha256(file)).isEqualTo(FileHashes.hash(file));
  }

  @Test
  void withoutACacheEveryCallHashes() throws Exception {
    var file = Files.write(dir.resolve("app.jar"), new byte[] {1, 2, 3});

    assertThat(FileHashes.none().sha256(file))
        .isEqualTo("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81");
  }

  /** Replaces the hash in the cache's only record, keeping its fingerprint. */
  private static void plant(Path cache) throws Exception {
    List<Path> records;
    try (Stream<Path> files = Files.list(cache)) {
      records = files.toList();
    }
    assertThat(records).hasSize(1);
    var fields = Files.readString(records.get(0)).strip().split(" ");
    Files.writeString(records.get(0), fields[0] + " " + fields[1] + " " + PLANTED + "\n");
  }
}
