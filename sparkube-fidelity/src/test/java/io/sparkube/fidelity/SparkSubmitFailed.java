package io.sparkube.fidelity;

/** Spark's SparkSubmit asked to exit the JVM, which it does only on an error. */
final class SparkSubmitFailed extends RuntimeException {
  private final int exitCode;

  SparkSubmitFailed(int exitCode, String output, Throwable cause) {
    super("SparkSubmit exited with code " + exitCode
        + (output.isBlank() ? "" : ", printing:\n" + output.strip()), cause);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
