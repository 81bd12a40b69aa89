package io.sparkube.jobruns.error;

import io.sparkube.model.error.Failure;

/**
 * The error codes the API answers with, each with the HTTP status AWS gives it. Clients pick the
 * exception class from the code (x-amzn-ErrorType / __type), not from the status, so the codes are
 * AWS's own: the modeled ones of emr-containers, and for authentication the ones AWS's front end
 * uses for JSON services.
 */
public enum ErrorCode {
  VALIDATION("ValidationException", 400, Failure.INVALID_CONFIG),
  /** 400, not 404: that is how emr-containers models it. */
  RESOURCE_NOT_FOUND("ResourceNotFoundException", 400, Failure.NOT_FOUND),
  INTERNAL_SERVER("InternalServerException", 500, Failure.INTERNAL),
  UNKNOWN_OPERATION("UnknownOperationException", 404, Failure.API_ERROR),
  REQUEST_TOO_LARGE("RequestEntityTooLargeException", 413, Failure.API_ERROR),
  MISSING_AUTHENTICATION("MissingAuthenticationTokenException", 403, Failure.UNAUTHORIZED),
  INCOMPLETE_SIGNATURE("IncompleteSignatureException", 403, Failure.UNAUTHORIZED),
  INVALID_SIGNATURE("InvalidSignatureException", 403, Failure.UNAUTHORIZED),
  UNRECOGNIZED_CLIENT("UnrecognizedClientException", 403, Failure.UNAUTHORIZED);

  private final String wireName;
  private final int status;
  private final Failure failure;

  ErrorCode(String wireName, int status, Failure failure) {
    this.wireName = wireName;
    this.status = status;
    this.failure = failure;
  }

  /** The code as sent in x-amzn-ErrorType and __type. */
  public String wireName() {
    return wireName;
  }

  public int status() {
    return status;
  }

  public Failure failure() {
    return failure;
  }
}
