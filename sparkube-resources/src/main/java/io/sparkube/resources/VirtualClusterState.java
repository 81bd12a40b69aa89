package io.sparkube.resources;

/** A virtual cluster's states, named as Amazon EMR on EKS names them. */
public enum VirtualClusterState {
  RUNNING,
  /** Deleted: its job runs are being cancelled. */
  TERMINATING,
  TERMINATED,
  /** Its namespace is gone, so no run can start. */
  ARRESTED
}
