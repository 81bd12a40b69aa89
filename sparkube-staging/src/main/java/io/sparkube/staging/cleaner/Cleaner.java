package io.sparkube.staging.cleaner;

import io.sparkube.staging.store.BlobMeta;
import io.sparkube.staging.store.BlobStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes blobs no job has needed for the retention period: since their last release, or since
 * their upload if no job ever referenced them. It decides from the blobs' metadata alone, which
 * lives on disk, so a restart neither forgets a release nor restarts a retention.
 */
public final class Cleaner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Cleaner.class);

  private final BlobStore store;
  private final Duration retention;
  private final Clock clock;
  private ScheduledExecutorService scheduler;

  public Cleaner(BlobStore store, Duration retention, Clock clock) {
    this.store = store;
    this.retention = retention;
    this.clock = clock;
  }

  /** One pass; returns how many blobs it deleted. */
  public int runOnce() {
    var cutoff = clock.instant().minus(retention);
    int deleted = 0;
    for (var meta : store.all()) {
      // Checked again under the store's lock: a job may reference the blob in between.
      if (expired(meta, cutoff) && store.deleteIf(meta.sha(), current -> expired(current, cutoff))) {
        LOG.info("deleted blob {} ({} bytes), unreferenced since {}", meta.sha256(), meta.size(),
            meta.unreferencedSince().orElseThrow());
        deleted++;
      }
    }
    return deleted;
  }

  private static boolean expired(BlobMeta meta, Instant cutoff) {
    return meta.unreferencedSince().filter(since -> !since.isAfter(cutoff)).isPresent();
  }

  public synchronized Cleaner start(Duration interval) {
    if (scheduler == null) {
      scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "staging-cleaner");
        thread.setDaemon(true);
        return thread;
      });
      scheduler.scheduleWithFixedDelay(this::runLogged, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
    return this;
  }

  /** A failed pass must not cancel the schedule, as a thrown exception would. */
  private void runLogged() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      LOG.warn("cleaning the staging store failed; retrying at the next interval", e);
    }
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        // A pass still deleting when the server stops could race the next server on the same directory.
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      scheduler = null;
    }
  }
}
