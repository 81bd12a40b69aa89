package io.sparkube.cli;

import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;

/** The one place a failure becomes a printed line and a process exit code. */
final class ExitCodes {
  static final int INTERRUPTED = 130;

  private ExitCodes() {}

  static int failed(Terminal terminal, Exception e) {
    if (e instanceof SparkubeException failure) {
      terminal.err().println("sparkube: " + failure.getMessage());
      return failure.failure().exitCode();
    }
    if (e instanceof InterruptedException) {
      terminal.err().println("sparkube: interrupted");
      return INTERRUPTED;
    }
    terminal.err().println("sparkube: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()
        + "; this is a bug, please report it");
    return Failure.INTERNAL.exitCode();
  }
}
