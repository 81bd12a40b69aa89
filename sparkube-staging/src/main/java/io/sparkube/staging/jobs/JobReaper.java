package io.sparkube.staging.jobs;

import io.sparkube.staging.service.JobId;
import io.sparkube.staging.service.StagingService;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases the references of jobs that ended: each one the observer reports, and, on a resync,
 * each job that holds references with no live driver pod in sight once its last reference is
 * older than the grace (a submission references its files before it creates the driver pod).
 * It acts on its own thread, so releasing (which writes blob metadata) never holds up the watch.
 */
public final class JobReaper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobReaper.class);

  private final StagingService service;
  private final Duration grace;
  private final Clock clock;
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
    var thread = new Thread(r, "staging-job-reaper");
    thread.setDaemon(true);
    return thread;
  });

  public JobReaper(StagingService service, Duration grace, Clock clock) {
    this.service = service;
    this.grace = grace;
    this.clock = clock;
  }

  /** Releases the job in the background; the observer's thread only hands it over. */
  public void ended(JobEnded event) {
    try {
      executor.execute(() -> logged(() -> release(event)));
    } catch (RejectedExecutionException e) {
      // The server is stopping; the next one's resync releases the job instead.
      LOG.debug("job {} ended while the reaper stopped", event.job());
    }
  }

  /** Resyncs every {@code interval} against what {@code liveJobs} sees, skipping while it knows nothing. */
  public JobReaper start(Duration interval, Supplier<Optional<Set<JobId>>> liveJobs) {
    executor.scheduleWithFixedDelay(() -> logged(() -> liveJobs.get().ifPresentOrElse(this::resync,
        () -> LOG.debug("job resync skipped: the driver pods are not known yet"))),
        interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  int release(JobEnded event) {
    int released = service.release(event.job());
    if (released > 0) {
      LOG.info("released {} blob(s) of job {}: driver pod {} {}", released, event.job(), event.driverPod(),
          event.how());
    }
    return released;
  }

  /** One resync against {@code live}, the jobs seen with a driver pod not yet ended; returns the jobs released. */
  public int resync(Set<JobId> live) {
    var cutoff = clock.instant().minus(grace);
    int jobs = 0;
    for (var job : service.referencingJobs().entrySet()) {
      if (live.contains(job.getKey()) || !job.getValue().isBefore(cutoff)) {
        continue;
      }
      // The service checks the time again under its lock: a reference made since we looked wins.
      int released = service.releaseIfNotReferencedSince(job.getKey(), cutoff);
      if (released > 0) {
        LOG.info("released {} blob(s) of job {}: no live driver pod of it seen, and its last reference is over {}"
            + " old", released, job.getKey(), grace.toString().substring(2).toLowerCase(Locale.ROOT));
        jobs++;
      }
    }
    return jobs;
  }

  /** A failed release or resync must not end the schedule, as a thrown exception would. */
  private static void logged(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.warn("releasing the files of ended jobs failed; a later resync retries", e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      // A release still writing metadata when the server stops could race the next server on the directory.
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
