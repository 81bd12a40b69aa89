package io.sparkube.operator.submission;

import io.sparkube.model.error.Failure;
import java.util.EnumSet;
import java.util.Set;

/** Which submission failures are the run's own settings (never retried) and which the cluster's. */
public final class SubmissionFailures {
  private static final Set<Failure> SETTINGS = EnumSet.of(Failure.UNKNOWN_FLAG, Failure.MISSING_PRIMARY_RESOURCE,
      Failure.INVALID_NAME, Failure.MISSING_IMAGE, Failure.UNKNOWN_MASTER, Failure.INVALID_CONFIG,
      Failure.UNSUPPORTED_MODE, Failure.IDENTITY_CONFLICT, Failure.NAMESPACE_MISSING);

  private SubmissionFailures() {}

  public static boolean isSettings(Failure failure) {
    return SETTINGS.contains(failure);
  }
}
