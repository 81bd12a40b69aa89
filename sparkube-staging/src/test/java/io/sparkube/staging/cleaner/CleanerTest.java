package io.sparkube.staging.cleaner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sparkube.staging.TestData;
import io.sparkube.staging.TestingStaging;
import io.sparkube.staging.client.StagedEntry;
import io.sparkube.staging.client.UploadProgress;
import io.sparkube.staging.store.Sha256;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention, on the server's clock, through the API and across restarts. */
class CleanerTest {
  private static final Duration RETENTION = Duration.ofHours(1);

  @TempDir
  Path dir;
  TestingStaging staging;

  @BeforeEach
  void start() {
    staging = new TestingStaging(dir, Map.of("sparkube.staging.retention", "1h")).start();
  }

  @AfterEach
  void stop() {
    staging.close();
  }

  private String upload(String name, int seed) {
    return staging.client().upload(TestData.write(dir.resolve(name), TestData.randomBytes(1000, seed)),
        UploadProgress.NONE).sha256();
  }

  private boolean stored(String sha) {
    return staging.server.service().exists(new Sha256(sha)).isPresent();
  }

  private int clean() {
    return staging.server.cleaner().runOnce();
  }

  @Test
  void aReleasedBlobGoesOnlyAfterTheRetention() {
    var sha = upload("a.jar", 1);
    staging.client().reference("job-1", List.of(new StagedEntry(sha, "a.jar")));
    staging.clock.advance(Duration.ofHours(5));
    assertThat(clean()).as("referenced, however old").isZero();

    staging.client().release("job-1");
    staging.clock.advance(RETENTION.minusSeconds(1));
    assertThat(clean()).isZero();
    assertThat(stored(sha)).isTrue();

    staging.clock.advance(Duration.ofSeconds(1));
    assertThat(clean()).isEqualTo(1);
    assertThat(stored(sha)).isFalse();
    assertThat(staging.storedFiles()).isEmpty();
  }

  @Test
  void aBlobIsKeptWhileAnyJobStillReferencesIt() {
    var sha = upload("shared.jar", 2);
    staging.client().reference("job-1", List.of(new StagedEntry(sha, "shared.jar")));
    staging.client().reference("job-2", List.of(new StagedEntry(sha, "shared.jar")));

    staging.client().release("job-1");
    staging.clock.advance(RETENTION.multipliedBy(3));

    assertThat(clean()).isZero();
    staging.client().release("job-2");
    staging.clock.advance(RETENTION);
    assertThat(clean()).isEqualTo(1);
  }

  @Test
  void aBlobNoJobEverReferencedGoesAfterTheRetentionFromUpload() {
    var sha = upload("orphan.jar", 3);

    staging.clock.advance(RETENTION.minusSeconds(1));
    assertThat(clean()).isZero();
    staging.clock.advance(Duration.ofSeconds(1));
    assertThat(clean()).isEqualTo(1);
    assertThat(stored(sha)).isFalse();
  }

  @Test
  void referencingAgainRestartsNothingUntilTheNextRelease() {
    var sha = upload("again.jar", 4);
    staging.client().reference("job-1", List.of(new StagedEntry(sha, "again.jar")));
    staging.client().release("job-1");
    staging.clock.advance(RETENTION.minusMinutes(1));
    staging.client().reference("job-2", List.of(new StagedEntry(sha, "again.jar")));

    staging.clock.advance(Duration.ofHours(2));
    assertThat(clean()).isZero();
    staging.client().release("job-2");
    staging.clock.advance(RETENTION.minusMinutes(1));
    assertThat(clean()).isZero();
  }

  @Test
  void releasesAndReferencesSurviveARestart() {
    var released = upload("released.jar", 5);
    var kept = upload("kept.jar", 6);
    staging.client().reference("job-1", List.of(new StagedEntry(released, "r.jar")));
    staging.client().reference("job-2", List.of(new StagedEntry(kept, "k.jar")));
    staging.client().release("job-1");
    staging.clock.advance(Duration.ofMinutes(30));

    staging.restart();

    staging.clock.advance(Duration.ofMinutes(30));
    assertThat(clean()).isEqualTo(1);
    assertThat(stored(released)).isFalse();
    assertThat(stored(kept)).isTrue();
    // The restarted server still knows job-2's references: releasing it starts the retention.
    assertThat(staging.client().release("job-2")).isEqualTo(1);
    staging.clock.advance(RETENTION);
    assertThat(clean()).isEqualTo(1);
  }

  @Test
  void theScheduledCleanerRunsOnItsOwn() {
    staging.close();
    staging = new TestingStaging(dir.resolve("scheduled"), Map.of("sparkube.staging.retention", "1h",
        "sparkube.staging.cleanInterval", "50ms")).start();
    var sha = upload("scheduled.jar", 7);

    staging.clock.advance(RETENTION);

    await().atMost(Duration.ofSeconds(10)).until(() -> !stored(sha));
  }
}
