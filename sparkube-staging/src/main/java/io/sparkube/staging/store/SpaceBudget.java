package io.sparkube.staging.store;

import io.sparkube.staging.config.StagingKeys;
import io.sparkube.staging.error.Problem;
import io.sparkube.staging.error.StagingException;

/**
 * Bytes held by stored blobs plus bytes promised to uploads in progress, against the store's
 * limit. Reserving before writing means two concurrent uploads cannot both fit in the last gap.
 */
final class SpaceBudget {
  private final long max;
  private long stored;
  private long reserved;

  SpaceBudget(long max) {
    this.max = max;
  }

  synchronized void reserve(long bytes) {
    reserve(bytes, bytes);
  }

  /** Reserves {@code want} bytes if they fit, else {@code need}; returns how many it reserved. */
  synchronized long reserve(long need, long want) {
    if (want <= max - stored - reserved) {
      reserved += want;
      return want;
    }
    if (need > max - stored - reserved) {
      throw new StagingException(Problem.STORE_FULL, "the staging store is full (" + (stored + reserved) + " of " + max
          + " bytes in use); raise " + StagingKeys.MAX_STORE_BYTES.key() + ", lower " + StagingKeys.RETENTION_MS.key()
          + " or end jobs that still reference blobs");
    }
    reserved += need;
    return need;
  }

  synchronized void unreserve(long bytes) {
    reserved -= bytes;
  }

  /** An upload that reserved {@code reservation} became a blob of {@code size} bytes. */
  synchronized void store(long reservation, long size) {
    reserved -= reservation;
    stored += size;
  }

  synchronized void add(long size) {
    stored += size;
  }

  synchronized void free(long size) {
    stored -= size;
  }

  synchronized long used() {
    return stored + reserved;
  }
}
