package io.sparkube.staging.service;

import io.sparkube.staging.store.BlobMeta;
import io.sparkube.staging.store.Sha256;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which blobs each job references: the inverse of the job lists in the blobs' metadata, rebuilt
 * from it at start, so the metadata on disk stays the one truth. Also when each job last
 * referenced a blob, kept in memory only: references found on disk count from the server's start.
 * Guarded by the service's lock.
 */
final class JobRefs {
  private final Map<JobId, Set<Sha256>> byJob = new HashMap<>();
  private final Map<JobId, Instant> lastReferenced = new HashMap<>();

  static JobRefs from(Collection<BlobMeta> metas, Instant started) {
    var refs = new JobRefs();
    for (var meta : metas) {
      meta.jobs().forEach(job -> refs.add(new JobId(job), meta.sha(), started));
    }
    return refs;
  }

  void add(JobId job, Sha256 sha, Instant at) {
    byJob.computeIfAbsent(job, j -> new TreeSet<>(Comparator.comparing(Sha256::hex))).add(sha);
    lastReferenced.merge(job, at, (before, now) -> now.isAfter(before) ? now : before);
  }

  void remove(JobId job, Sha256 sha) {
    var shas = byJob.get(job);
    if (shas != null && shas.remove(sha) && shas.isEmpty()) {
      byJob.remove(job);
      lastReferenced.remove(job);
    }
  }

  Set<Sha256> of(JobId job) {
    return Set.copyOf(byJob.getOrDefault(job, Set.of()));
  }

  Optional<Instant> lastReferenced(JobId job) {
    return Optional.ofNullable(lastReferenced.get(job));
  }

  /** Every job holding references, with when it last referenced a blob. */
  Map<JobId, Instant> lastReferenced() {
    return Map.copyOf(lastReferenced);
  }
}
