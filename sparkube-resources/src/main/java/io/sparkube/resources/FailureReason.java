package io.sparkube.resources;

/** Why a job run failed, in Amazon EMR on EKS's words. */
public enum FailureReason {
  INTERNAL_ERROR,
  /** The application itself failed: its driver exited non-zero. */
  USER_ERROR,
  /** A setting was refused before anything was created. */
  VALIDATION_ERROR,
  /** The cluster could not take the job: API errors, quota, lost pods. */
  CLUSTER_UNAVAILABLE
}
