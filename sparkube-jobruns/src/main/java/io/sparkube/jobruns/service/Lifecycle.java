package io.sparkube.jobruns.service;

import io.sparkube.resources.JobRunState;
import io.sparkube.resources.SparkApplication;
import io.sparkube.resources.VirtualCluster;
import io.sparkube.resources.VirtualClusterState;

/** The state a resource is in, as the API reads it: one the operator has not looked at yet is PENDING, or RUNNING. */
final class Lifecycle {
  private Lifecycle() {}

  static JobRunState of(SparkApplication app) {
    var status = app.getStatus();
    return status == null || status.getState() == null ? JobRunState.PENDING : status.getState();
  }

  static VirtualClusterState of(VirtualCluster cluster) {
    var status = cluster.getStatus();
    return status == null || status.getState() == null ? VirtualClusterState.RUNNING : status.getState();
  }
}
