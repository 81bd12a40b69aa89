package io.sparkube.staging.jobs;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.staging.config.JobWatchSettings;
import io.sparkube.staging.service.JobId;
import io.sparkube.staging.service.StagingService;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** The job watch: the driver-pod observer feeding the reaper, started and stopped together with the server. */
public final class JobWatch implements AutoCloseable {
  private final DriverPodObserver observer;
  private final JobReaper reaper;
  private final CompletionStage<WatchState> started;

  private JobWatch(DriverPodObserver observer, JobReaper reaper, CompletionStage<WatchState> started) {
    this.observer = observer;
    this.reaper = reaper;
    this.started = started;
  }

  /** Starts watching in the background; {@code client} stays the caller's to close. */
  public static JobWatch start(KubernetesClient client, JobWatchSettings settings, StagingService service,
      Clock clock) {
    var reaper = new JobReaper(service, settings.grace(), clock);
    var observer = new DriverPodObserver(client, settings.namespaces(), reaper::ended);
    reaper.start(settings.resyncInterval(), observer::liveJobs);
    return new JobWatch(observer, reaper, observer.start());
  }

  public WatchState state() {
    return observer.state();
  }

  /** Completes once the watch runs or has failed to start, with that state. */
  public CompletionStage<WatchState> started() {
    return started;
  }

  /** The jobs whose driver pod is seen and has not ended; empty while that is not known. */
  public Optional<Set<JobId>> liveJobs() {
    return observer.liveJobs();
  }

  /** One resync now, as the schedule would run it; returns the jobs released (none while the pods are unknown). */
  public int resyncNow() {
    return observer.liveJobs().map(reaper::resync).orElse(0);
  }

  @Override
  public void close() {
    observer.close();
    reaper.close();
  }
}
