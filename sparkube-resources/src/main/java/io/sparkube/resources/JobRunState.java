package io.sparkube.resources;

/** A job run's states, named as Amazon EMR on EKS names them. */
public enum JobRunState {
  /** Accepted; waiting to be submitted (a first run, a retry's backoff, or the virtual cluster's limit). */
  PENDING,
  /** The driver's objects exist; the driver does not run yet. */
  SUBMITTED,
  RUNNING,
  COMPLETED,
  FAILED,
  /** Cancel asked; the driver is being deleted. */
  CANCEL_PENDING,
  CANCELLED;

  public boolean isFinal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
