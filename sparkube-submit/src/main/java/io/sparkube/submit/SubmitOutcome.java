package io.sparkube.submit;

/** How a submission ended, for the caller to print and turn into an exit code. */
public sealed interface SubmitOutcome {

  /** --dry-run: the objects that would have been created. */
  record DryRun(JobPlan plan) implements SubmitOutcome {}

  /** Created and not followed (--no-wait). */
  record Submitted(String submissionId) implements SubmitOutcome {}

  /** Created and followed until the driver ended with {@code driverExitCode}. */
  record Finished(String submissionId, int driverExitCode) implements SubmitOutcome {}
}
