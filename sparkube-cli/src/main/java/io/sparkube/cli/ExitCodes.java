package io.sparkube.cli;

import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.io.PrintWriter;

/** The one place a failure becomes a printed line and a process exit code. */
public final class ExitCodes {
  static final int INTERRUPTED = 130;

  private ExitCodes() {}

  public static int failed(PrintWriter err, Exception e) {
    if (e instanceof SparkubeException failure) {
      err.println("sparkube: " + failure.getMessage());
      return failure.failure().exitCode();
    }
    if (e instanceof InterruptedException) {
      err.println("sparkube: interrupted");
      return INTERRUPTED;
    }
    err.println("sparkube: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()
        + "; this is a bug, please report it");
    return Failure.INTERNAL.exitCode();
  }
}
