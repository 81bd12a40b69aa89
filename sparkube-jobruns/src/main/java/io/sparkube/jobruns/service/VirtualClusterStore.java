package io.sparkube.jobruns.service;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.sparkube.jobruns.error.ApiException;
import io.sparkube.resources.VirtualCluster;
import io.sparkube.resources.VirtualClusterState;
import io.sparkube.resources.VirtualClusterStatus;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * VirtualCluster resources, written through the Kubernetes API; they are the API's only record of
 * them. One is read from an informer's cache when the hosting process keeps one, else from the API.
 */
public final class VirtualClusterStore {
  private final KubernetesClient client;
  private final Function<String, VirtualCluster> cached;

  /** Every read is a GET. */
  public VirtualClusterStore(KubernetesClient client) {
    this(client, id -> null);
  }

  /**
   * Reads one from {@code cache} first. What {@link #find} returns is then the informer's own
   * object, shared with every other reader: callers only read it (none changes it today).
   *
   * @param cache a running informer on every VirtualCluster; it stays the caller's to stop
   */
  public VirtualClusterStore(KubernetesClient client, SharedIndexInformer<VirtualCluster> cache) {
    this(client, id -> cache.getStore().getByKey(Cache.namespaceKeyFunc(null, id)));
  }

  private VirtualClusterStore(KubernetesClient client, Function<String, VirtualCluster> cached) {
    this.client = client;
    this.cached = cached;
  }

  /**
   * From the cache when it has it; a GET when it does not, since one created a moment ago (by
   * CreateVirtualCluster or kubectl) may not have reached it yet.
   */
  public Optional<VirtualCluster> find(String id) {
    return Optional.ofNullable(cached.apply(id)).or(() -> Optional.ofNullable(KubeCalls.call(
        "read virtual cluster " + id, () -> client.resources(VirtualCluster.class).withName(id).get())));
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
