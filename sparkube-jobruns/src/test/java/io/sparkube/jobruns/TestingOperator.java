package io.sparkube.jobruns;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.resources.JobRunState;
import io.sparkube.resources.SparkApplication;
import io.sparkube.resources.SparkApplicationStatus;
import io.sparkube.resources.VirtualCluster;
import io.sparkube.resources.VirtualClusterState;
import io.sparkube.resources.VirtualClusterStatus;
import java.util.function.Consumer;

/** Writes status as the operator would, so tests can move runs and virtual clusters through their states. */
public final class TestingOperator {
  private final KubernetesClient client;

  public TestingOperator(KubernetesClient client) {
    this.client = client;
  }

  public SparkApplication run(String namespace, String id) {
    return client.resources(SparkApplication.class).inNamespace(namespace).withName(id).get();
  }

  public void setState(String namespace, String id, JobRunState state) {
    setStatus(namespace, id, status -> status.setState(state));
  }

  public void setStatus(String namespace, String id, Consumer<SparkApplicationStatus> change) {
    client.resources(SparkApplication.class).inNamespace(namespace).withName(id).editStatus(app -> {
      var status = app.getStatus() == null ? new SparkApplicationStatus() : app.getStatus();
      change.accept(status);
      app.setStatus(status);
      return app;
    });
  }

  public void setState(String virtualClusterId, VirtualClusterState state) {
    client.resources(VirtualCluster.class).withName(virtualClusterId).editStatus(cluster -> {
      var status = new VirtualClusterStatus();
      status.setState(state);
      cluster.setStatus(status);
      return cluster;
    });
  }

  /** Changes a virtual cluster's spec as its administrator would with kubectl. */
  public void administer(String virtualClusterId, Consumer<VirtualCluster> change) {
    client.resources(VirtualCluster.class).withName(virtualClusterId).edit(cluster -> {
      change.accept(cluster);
      return cluster;
    });
  }
}
