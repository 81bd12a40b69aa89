package io.sparkube.resources;

/** The failures a restart policy may retry; anything else (a bad setting, a cancel) never is. */
public enum RetryableFailure {
  /** The driver ran and exited non-zero. */
  DRIVER_FAILED,
  /** Creating the driver's objects failed for a reason that may pass (API errors, quota). */
  SUBMISSION_FAILED,
  /** The driver pod vanished or was evicted before it finished. */
  DRIVER_LOST
}
