package io.sparkube.bench.localjob;

/**
 * A moment in one run, in the order they happen. The pod milestones come from a watch on the local
 * cluster's pods; the Spark ones from the driver log's timestamps; EXIT from the child process.
 */
enum Milestone {
  /** The driver pod's ADDED event (local cluster only). */
  DRIVER_POD_CREATED,
  /** The driver pod reported Running (local cluster only). */
  DRIVER_POD_RUNNING,
  /** Driver log: "Running Spark version", the first line SparkContext logs. */
  SPARK_CONTEXT_STARTED,
  /** Driver log: "Going to request" (Kubernetes), or the standalone Master's first "Launching executor". */
  EXECUTORS_REQUESTED,
  /** Driver log: the second "Registered executor". */
  EXECUTORS_REGISTERED,
  /** Driver log: "Job 0 finished". */
  JOB_FINISHED,
  /**
   * Local cluster: the driver pod Succeeded and every executor pod deleted, whichever is later.
   * local-cluster mode: the process exit (its Workers kill the executors before the JVM exits).
   */
  TORN_DOWN,
  /** The submitting process exited. */
  EXIT
}
