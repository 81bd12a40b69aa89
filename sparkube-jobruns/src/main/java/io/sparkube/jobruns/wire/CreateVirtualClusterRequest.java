package io.sparkube.jobruns.wire;

import java.util.Map;

/** CreateVirtualCluster's body, with the members newer models added. */
public record CreateVirtualClusterRequest(
    String name,
    ContainerProvider containerProvider,
    String clientToken,
    Map<String, String> tags,
    String securityConfigurationId,
    SchedulerConfiguration schedulerConfiguration,
    Boolean sessionEnabled) {

  /** Runs at once and runs queued; newer models only. */
  public record SchedulerConfiguration(Integer maxConcurrentJobRuns, Integer maxInQueueJobRuns) {}
}
