package io.sparkube.jobruns.error;

import io.sparkube.model.error.SparkubeException;

/** A request the API refuses: the code decides the HTTP answer, the message tells the caller what to fix. */
public final class ApiException extends SparkubeException {
  private final ErrorCode code;

  public ApiException(ErrorCode code, String message) {
    super(code.failure(), message);
    this.code = code;
  }

  public ApiException(ErrorCode code, String message, Throwable cause) {
    super(code.failure(), message, cause);
    this.code = code;
  }

  public static ApiException validation(String message) {
    return new ApiException(ErrorCode.VALIDATION, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(ErrorCode.RESOURCE_NOT_FOUND, message);
  }

  public static ApiException internal(String message, Throwable cause) {
    return new ApiException(ErrorCode.INTERNAL_SERVER, message, cause);
  }

  public ErrorCode code() {
    return code;
  }
}
