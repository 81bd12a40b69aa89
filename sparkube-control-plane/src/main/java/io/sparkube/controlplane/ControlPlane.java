package io.sparkube.controlplane;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.sparkube.controlplane.config.ControlPlaneSettings;
import io.sparkube.controlplane.http.ManagementServer;
import io.sparkube.controlplane.metrics.ControlPlaneMetrics;
import io.sparkube.jobruns.http.JobRunsServer;
import io.sparkube.operator.SparkubeOperator;
import io.sparkube.resources.Crds;
import io.sparkube.resources.VirtualCluster;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The control plane in one process: the operator, the job-runs API it serves, and their metrics
 * and health. Every part shares one Kubernetes client; the API stores nothing the cluster does not.
 */
public final class ControlPlane implements AutoCloseable {
  private final SparkubeOperator operator;
  private final SharedIndexInformer<VirtualCluster> virtualClusters;
  private final JobRunsServer api;
  private final ManagementServer management;

  private ControlPlane(SparkubeOperator operator, SharedIndexInformer<VirtualCluster> virtualClusters,
      JobRunsServer api, ManagementServer management) {
    this.operator = operator;
    this.virtualClusters = virtualClusters;
    this.api = api;
    this.management = management;
  }

  public static ControlPlane start(KubernetesClient client, ControlPlaneSettings settings, Clock clock) {
    if (settings.installCrds()) {
      Crds.all().forEach(crd -> client.resource(crd).forceConflicts().serverSideApply());
    }
    var metrics = new ControlPlaneMetrics();
    var ready = new AtomicBoolean();
    var management = ManagementServer.start(settings.managementHost(), settings.managementPort(), metrics::scrape,
        ready::get);
    SparkubeOperator operator = null;
    SharedIndexInformer<VirtualCluster> virtualClusters = null;
    try {
      operator = SparkubeOperator.start(client, settings.threads(), settings.namespaces(), metrics.queue(), metrics,
          clock);
      var started = operator;
      metrics.watch(() -> started);
      // Every API request reads its virtual cluster: from this cache, not with a GET each. Returns once listed.
      virtualClusters = client.resources(VirtualCluster.class).inform();
      var api = JobRunsServer.start(settings.jobRuns(), client, virtualClusters, metrics.registry(), clock);
      ready.set(true);
      return new ControlPlane(operator, virtualClusters, api, management);
    } catch (RuntimeException e) {
      if (virtualClusters != null) {
        virtualClusters.stop();
      }
      if (operator != null) {
        operator.close();
      }
      management.close();
      throw e;
    }
  }

  public int apiPort() {
    return api.port();
  }

  public int managementPort() {
    return management.port();
  }

  @Override
  public void close() {
    try {
      api.close();
    } finally {
      try {
        virtualClusters.stop();
      } finally {
        try {
          operator.close();
        } finally {
          management.close();
        }
      }
    }
  }
}
