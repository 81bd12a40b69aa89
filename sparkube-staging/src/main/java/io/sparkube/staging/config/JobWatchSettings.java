package io.sparkube.staging.config;

import io.sparkube.model.config.Conf;
import java.time.Duration;
import java.util.List;

/**
 * Whether and where the server watches driver pods to release the files of jobs that ended.
 *
 * @param namespaces the namespaces watched; empty for all
 * @param grace how long a job with no live driver pod in sight keeps its references
 */
public record JobWatchSettings(boolean watch, List<String> namespaces, Duration grace, Duration resyncInterval) {

  public JobWatchSettings {
    namespaces = List.copyOf(namespaces);
  }

  static JobWatchSettings read(Conf conf) {
    return new JobWatchSettings(
        conf.get(StagingKeys.JOBS_WATCH),
        conf.get(StagingKeys.JOBS_NAMESPACES),
        Duration.ofMillis(conf.get(StagingKeys.JOBS_GRACE_MS)),
        Duration.ofMillis(conf.get(StagingKeys.JOBS_RESYNC_INTERVAL_MS)));
  }

  public boolean allNamespaces() {
    return namespaces.isEmpty();
  }
}
