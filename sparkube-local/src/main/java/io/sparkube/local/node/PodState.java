package io.sparkube.local.node;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a pod is in its life on this node. All transitions are declared here; {@link #next}
 * refuses any other, so a bug shows up as an exception rather than as a pod in a state no kubelet
 * would report.
 */
enum PodState {
  /** Accepted, but waiting: for its image, or for ConfigMaps/Secrets it references. */
  PENDING("Pending"),
  /** Address assigned, volumes being written, processes being started. */
  CONTAINER_CREATING("Pending"),
  RUNNING("Running"),
  SUCCEEDED("Succeeded"),
  FAILED("Failed"),
  /** Deleted: processes got SIGTERM and have until the grace period ends. */
  TERMINATING("Running"),
  /** Processes gone, address and directories released; nothing left to do. */
  FINISHED("Succeeded");

  private final String phase;

  PodState(String phase) {
    this.phase = phase;
  }

  private Set<PodState> successors() {
    return switch (this) {
      case PENDING -> EnumSet.of(CONTAINER_CREATING, PENDING, TERMINATING);
      case CONTAINER_CREATING -> EnumSet.of(RUNNING, PENDING, FAILED, TERMINATING);
      case RUNNING -> EnumSet.of(SUCCEEDED, FAILED, TERMINATING);
      case SUCCEEDED, FAILED -> EnumSet.of(TERMINATING);
      case TERMINATING -> EnumSet.of(FINISHED);
      case FINISHED -> EnumSet.noneOf(PodState.class);
    };
  }

  PodState next(PodState target) {
    if (!successors().contains(target)) {
      throw new IllegalStateException("a pod cannot move from " + this + " to " + target);
    }
    return target;
  }

  /** The {@code status.phase} a kubelet reports for this state. */
  String phase() {
    return phase;
  }

  boolean hasProcesses() {
    return this == RUNNING || this == TERMINATING;
  }
}
