package io.sparkube.model.error;

/**
 * A failure a user can act on. The message is one line that names the problem and the fix; the
 * failure kind decides the exit code (CLI), HTTP status (REST) or status and Event (operator).
 */
public class SparkubeException extends RuntimeException {
  private final Failure failure;

  public SparkubeException(Failure failure, String message) {
    super(message);
    this.failure = failure;
  }

  public SparkubeException(Failure failure, String message, Throwable cause) {
    super(message, cause);
    this.failure = failure;
  }

  public Failure failure() {
    return failure;
  }

  public static SparkubeException invalidConfig(String message) {
    return new SparkubeException(Failure.INVALID_CONFIG, message);
  }
}
