package io.sparkube.jobruns.service;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sparkube.jobruns.error.ApiException;
import io.sparkube.resources.VirtualCluster;
import io.sparkube.resources.VirtualClusterState;
import io.sparkube.resources.VirtualClusterStatus;
import java.util.List;
import java.util.Optional;

/** VirtualCluster resources, read and written through the Kubernetes API; they are the API's only record of them. */
public final class VirtualClusterStore {
  private final KubernetesClient client;

  public VirtualClusterStore(KubernetesClient client) {
    this.client = client;
  }

  public Optional<VirtualCluster> find(String id) {
    return Optional.ofNullable(KubeCalls.call("read virtual cluster " + id,
        () -> client.resources(VirtualCluster.class).withName(id).get()));
  }

  /** The virtual cluster, or a ResourceNotFoundException: for the operations whose model has one (Describe*, StartJobRun). */
  public VirtualCluster requireOrNotFound(String id) {
    return find(id).orElseThrow(() -> ApiException.notFound("Virtual cluster " + id + " doesn't exist."));
  }

  /**
   * The virtual cluster, or a ValidationException: for the operations whose model has no
   * ResourceNotFoundException (DeleteVirtualCluster, ListJobRuns, CancelJobRun), so SDKs raise a class they know.
   */
  public VirtualCluster requireOrInvalid(String id) {
    return find(id).orElseThrow(() -> ApiException.validation("Virtual cluster " + id + " doesn't exist."));
  }

  public List<VirtualCluster> list() {
    return KubeCalls.call("list virtual clusters", () -> client.resources(VirtualCluster.class).list().getItems());
  }

  /** Creates it; empty when one of that name exists already, which the caller then reads. */
  public Optional<VirtualCluster> create(VirtualCluster cluster) {
    try {
      return Optional.of(client.resources(VirtualCluster.class).resource(cluster).create());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        return Optional.empty();
      }
      throw KubeCalls.failed("create virtual cluster " + cluster.getMetadata().getName(), e);
    }
  }

  public void setState(String id, VirtualClusterState state, String details) {
    KubeCalls.call("record the state of virtual cluster " + id,
        () -> client.resources(VirtualCluster.class).withName(id).editStatus(cluster -> {
          var status = cluster.getStatus() == null ? new VirtualClusterStatus() : cluster.getStatus();
          status.setState(state);
          status.setStateDetails(details);
          cluster.setStatus(status);
          return cluster;
        }));
  }
}
