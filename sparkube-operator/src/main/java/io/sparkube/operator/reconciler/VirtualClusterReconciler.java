package io.sparkube.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.sparkube.resources.SparkApplication;
import io.sparkube.resources.VirtualCluster;
import io.sparkube.resources.VirtualClusterState;
import io.sparkube.resources.VirtualClusterStatus;
import java.time.Duration;
import java.util.Objects;

/**
 * Keeps a virtual cluster's state: RUNNING once seen, ARRESTED while its namespace is missing, and,
 * once deletion asked for TERMINATING, cancels its runs and ends TERMINATED when none is left running.
 */
// Every change wakes it, not only spec changes: deletion through the API is written to the status.
@ControllerConfiguration(name = "virtualclusters", generationAwareEventProcessing = false)
public final class VirtualClusterReconciler implements Reconciler<VirtualCluster> {
  static final Duration TERMINATION_RECHECK = Duration.ofSeconds(2);

  private final KubernetesClient client;

  public VirtualClusterReconciler(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public UpdateControl<VirtualCluster> reconcile(VirtualCluster cluster, Context<VirtualCluster> context) {
    var state = cluster.getStatus() == null ? null : cluster.getStatus().getState();
    if (state == VirtualClusterState.TERMINATED) {
      return UpdateControl.noUpdate();
    }
    if (state == VirtualClusterState.TERMINATING) {
      long live = cancelRuns(cluster);
      return live == 0 ? write(cluster, VirtualClusterState.TERMINATED, "deleted; its runs are finished or cancelled")
          : write(cluster, VirtualClusterState.TERMINATING, "cancelling its " + live + " unfinished runs")
              .rescheduleAfter(TERMINATION_RECHECK);
    }
    var namespace = cluster.getSpec().getNamespace();
    return client.namespaces().withName(namespace).get() == null
        ? write(cluster, VirtualClusterState.ARRESTED, "namespace " + namespace + " does not exist; create it")
        : write(cluster, VirtualClusterState.RUNNING, "runs go to namespace " + namespace);
  }

  /** Asks every unfinished run of the cluster to cancel; returns how many are unfinished. */
  private long cancelRuns(VirtualCluster cluster) {
    var name = cluster.getMetadata().getName();
    var runs = client.resources(SparkApplication.class).inNamespace(cluster.getSpec().getNamespace()).list().getItems()
        .stream().filter(app -> name.equals(app.getSpec().getVirtualCluster()))
        .filter(app -> app.getStatus() == null || app.getStatus().getState() == null
            || !app.getStatus().getState().isFinal())
        .toList();
    runs.stream().filter(app -> !app.getSpec().isSuspend()).forEach(app -> client.resource(app).edit(edited -> {
      edited.getSpec().setSuspend(true);
      return edited;
    }));
    return runs.size();
  }

  private static UpdateControl<VirtualCluster> write(VirtualCluster cluster, VirtualClusterState state, String details) {
    var current = cluster.getStatus();
    if (current != null && current.getState() == state && Objects.equals(current.getStateDetails(), details)) {
      return UpdateControl.noUpdate();
    }
    var patch = new VirtualCluster();
    patch.getMetadata().setName(cluster.getMetadata().getName());
    var status = new VirtualClusterStatus();
    status.setState(state);
    status.setStateDetails(details);
    patch.setStatus(status);
    return UpdateControl.patchStatus(patch);
  }
}
