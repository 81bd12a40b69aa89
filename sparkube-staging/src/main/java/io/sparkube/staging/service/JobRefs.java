package io.sparkube.staging.service;

import io.sparkube.staging.store.BlobMeta;
import io.sparkube.staging.store.Sha256;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which blobs each job references: the inverse of the job lists in the blobs' metadata, rebuilt
 * from it at start, so the metadata on disk stays the one truth. Guarded by the service's lock.
 */
final class JobRefs {
  private final Map<JobId, Set<Sha256>> byJob = new HashMap<>();

  static JobRefs from(Collection<BlobMeta> metas) {
    var refs = new JobRefs();
    for (var meta : metas) {
      meta.jobs().forEach(job -> refs.add(new JobId(job), meta.sha()));
    }
    return refs;
  }

  void add(JobId job, Sha256 sha) {
    byJob.computeIfAbsent(job, j -> new TreeSet<>(Comparator.comparing(Sha256::hex))).add(sha);
  }

  void remove(JobId job, Sha256 sha) {
    var shas = byJob.get(job);
    if (shas != null && shas.remove(sha) && shas.isEmpty()) {
      byJob.remove(job);
    }
  }

  Set<Sha256> of(JobId job) {
    return Set.copyOf(byJob.getOrDefault(job, Set.of()));
  }
}
