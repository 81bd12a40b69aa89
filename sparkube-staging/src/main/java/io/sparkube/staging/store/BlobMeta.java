package io.sparkube.staging.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the store knows about one blob, kept on disk beside it so a restart loses nothing.
 *
 * @param jobs the jobs that reference the blob, sorted
 * @param releasedEpochMillis when the last job released it; null while referenced or never referenced
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlobMeta(String sha256, long size, long createdEpochMillis, List<String> jobs, Long releasedEpochMillis) {

  public BlobMeta {
    jobs = List.copyOf(new TreeSet<>(jobs == null ? List.of() : jobs));
  }

  static BlobMeta created(Sha256 sha, long size, Instant now) {
    return new BlobMeta(sha.hex(), size, now.toEpochMilli(), List.of(), null);
  }

  public Sha256 sha() {
    return new Sha256(sha256);
  }

  public boolean referenced() {
    return !jobs.isEmpty();
  }

  public Optional<Instant> released() {
    return Optional.ofNullable(releasedEpochMillis).map(Instant::ofEpochMilli);
  }

  /** Since when nothing has needed the blob: its release, or its upload if no job ever referenced it. */
  public Optional<Instant> unreferencedSince() {
    return referenced() ? Optional.empty()
        : Optional.of(released().orElse(Instant.ofEpochMilli(createdEpochMillis)));
  }

  public BlobMeta withJob(String jobId) {
    var all = new TreeSet<>(jobs);
    all.add(jobId);
    return new BlobMeta(sha256, size, createdEpochMillis, List.copyOf(all), null);
  }

  public BlobMeta withoutJob(String jobId, Instant now) {
    var all = new TreeSet<>(jobs);
    if (!all.remove(jobId)) {
      return this;
    }
    return new BlobMeta(sha256, size, createdEpochMillis, List.copyOf(all), all.isEmpty() ? now.toEpochMilli() : null);
  }
}
