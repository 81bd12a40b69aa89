package io.sparkube.jobruns.service;

import io.sparkube.jobruns.wire.ContainerProvider;
import io.sparkube.jobruns.wire.CreateVirtualClusterRequest.SchedulerConfiguration;
import io.sparkube.jobruns.wire.VirtualClusterView;
import io.sparkube.resources.VirtualCluster;
import java.time.Instant;

/** A VirtualCluster resource as emr-containers describes a virtual cluster. */
final class VirtualClusterViews {
  private final Arns arns;

  VirtualClusterViews(Arns arns) {
    this.arns = arns;
  }

  VirtualClusterView view(VirtualCluster cluster) {
    var id = cluster.getMetadata().getName();
    var spec = cluster.getSpec();
    var maxConcurrent = spec.getLimits().getMaxConcurrentRuns();
    return new VirtualClusterView(
        id,
        spec.getDisplayName(),
        arns.virtualCluster(id),
        Lifecycle.of(cluster).name(),
        ContainerProvider.eks(spec.getContainerProviderId(), spec.getNamespace()),
        Timestamps.wire(cluster.getMetadata().getCreationTimestamp()),
        spec.getTags().isEmpty() ? null : spec.getTags(),
        maxConcurrent == null ? null : new SchedulerConfiguration(maxConcurrent, null));
  }

  static Pages.Cursor cursor(VirtualCluster cluster) {
    return new Pages.Cursor(createdAt(cluster), cluster.getMetadata().getName());
  }

  static Instant createdAt(VirtualCluster cluster) {
    return Timestamps.parse(cluster.getMetadata().getCreationTimestamp()).orElse(Instant.EPOCH);
  }
}
