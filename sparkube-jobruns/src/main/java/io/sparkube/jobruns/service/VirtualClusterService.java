package io.sparkube.jobruns.service;

import io.sparkube.jobruns.error.ApiException;
import io.sparkube.jobruns.validation.CreateVirtualClusterChecks;
import io.sparkube.jobruns.validation.Shape;
import io.sparkube.jobruns.wire.ContainerProvider;
import io.sparkube.jobruns.wire.CreateVirtualClusterRequest;
import io.sparkube.jobruns.wire.Json;
import io.sparkube.jobruns.wire.Results;
import io.sparkube.resources.JobRuns;
import io.sparkube.resources.VirtualCluster;
import io.sparkube.resources.VirtualClusterState;
import java.util.List;
import java.util.Objects;

/**
 * The virtual-cluster operations. A virtual cluster is a VirtualCluster named after its client
 * token; what is not in the EMR request (defaults, limits, allowed identities) is set on the
 * resource by its administrator and only read here.
 */
public final class VirtualClusterService {
  private final VirtualClusterStore clusters;
  private final JobRunService jobRuns;
  private final Arns arns;
  private final VirtualClusterViews views;

  public VirtualClusterService(VirtualClusterStore clusters, JobRunService jobRuns, Arns arns) {
    this.clusters = clusters;
    this.jobRuns = jobRuns;
    this.arns = arns;
    this.views = new VirtualClusterViews(arns);
  }

  public Results.CreateVirtualCluster create(byte[] body) {
    var request = Json.readRequest(body, CreateVirtualClusterRequest.class, "CreateVirtualCluster");
    var namespace = CreateVirtualClusterChecks.check(request);
    var id = JobRuns.virtualClusterIdFor(request.clientToken());
    var existing = clusters.find(id);
    if (existing.isPresent()) {
      return created(existing.get());
    }
    refuseSharedNamespace(request.containerProvider().id(), namespace);
    var cluster = new VirtualCluster();
    cluster.getMetadata().setName(id);
    var spec = cluster.getSpec();
    spec.setDisplayName(request.name());
    spec.setNamespace(namespace);
    spec.setContainerProviderId(request.containerProvider().id());
    spec.setTags(request.tags());
    var scheduler = request.schedulerConfiguration();
    if (scheduler != null) {
      spec.getLimits().setMaxConcurrentRuns(scheduler.maxConcurrentJobRuns());
    }
    var made = clusters.create(cluster).or(() -> clusters.find(id));
    return created(made.orElseThrow(() -> ApiException.internal("virtual cluster " + id + " was created by a"
        + " concurrent request and then removed before it could be read; retry", null)));
  }

  public Results.DescribeVirtualCluster describe(String id) {
    return new Results.DescribeVirtualCluster(views.view(clusters.requireOrNotFound(id)));
  }

  public Results.ListVirtualClusters list(ListQuery query) {
    var providerId = query.text("containerProviderId", Shape.STRING_1024);
    query.text("containerProviderType", Shape.STRING_1024).ifPresent(type -> {
      if (!type.equals(ContainerProvider.EKS)) {
        throw ApiException.validation("Value '" + type + "' at 'containerProviderType' failed to satisfy"
            + " constraint: Member must satisfy enum value set: [EKS]");
      }
    });
    var states = query.states(VirtualClusterState.class);
    var created = query.created();
    var size = query.pageSize();
    var after = query.after();
    var matching = clusters.list().stream()
        .filter(c -> providerId.isEmpty() || providerId.get().equals(c.getSpec().getContainerProviderId()))
        .filter(c -> states.isEmpty() || states.contains(Lifecycle.of(c)))
        .filter(c -> created.contains(VirtualClusterViews.createdAt(c)))
        .toList();
    var page = Pages.newestFirst(matching, VirtualClusterViews::cursor, size, after);
    return new Results.ListVirtualClusters(page.items().stream().map(views::view).toList(), page.nextToken());
  }

  /**
   * Keeps the virtual cluster, as EMR does, and ends it: TERMINATED at once when no run is active;
   * otherwise its active runs are cancelled and it is TERMINATING until the operator, seeing them
   * all ended, marks it TERMINATED.
   */
  public Results.DeleteVirtualCluster delete(String id) {
    var cluster = clusters.requireOrInvalid(id);
    var state = Lifecycle.of(cluster);
    if (state == VirtualClusterState.TERMINATED || state == VirtualClusterState.TERMINATING) {
      return new Results.DeleteVirtualCluster(id);
    }
    var active = jobRuns.active(cluster);
    if (active.isEmpty()) {
      clusters.setState(id, VirtualClusterState.TERMINATED, "deleted through the job-runs API");
    } else {
      clusters.setState(id, VirtualClusterState.TERMINATING, "deleted through the job-runs API; cancelling "
          + active.size() + " job run" + (active.size() == 1 ? "" : "s"));
      active.forEach(jobRuns::requestCancel);
    }
    return new Results.DeleteVirtualCluster(id);
  }

  /** As EMR: one live virtual cluster a namespace of a cluster, so two never share runs and limits. */
  private void refuseSharedNamespace(String providerId, String namespace) {
    List<VirtualCluster> sharing = clusters.list().stream()
        .filter(c -> namespace.equals(c.getSpec().getNamespace()))
        .filter(c -> Objects.equals(providerId, c.getSpec().getContainerProviderId()))
        .filter(c -> Lifecycle.of(c) != VirtualClusterState.TERMINATED)
        .toList();
    if (!sharing.isEmpty()) {
      throw ApiException.validation("A virtual cluster already exists in the given namespace: "
          + sharing.get(0).getMetadata().getName() + " runs its jobs in namespace " + namespace
          + "; use it, or delete it first");
    }
  }

  private Results.CreateVirtualCluster created(VirtualCluster cluster) {
    var id = cluster.getMetadata().getName();
    return new Results.CreateVirtualCluster(id, cluster.getSpec().getDisplayName(), arns.virtualCluster(id));
  }
}
