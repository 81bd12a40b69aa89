package io.sparkube.staging.error;

import io.sparkube.model.error.Failure;

/**
 * What went wrong with a staging request, with the HTTP status the server answers and the
 * {@link Failure} a command reports. Each kind is its own status so a client can act on it without
 * reading the message.
 */
public enum Problem {
  BAD_REQUEST(400, Failure.API_ERROR),
  HASH_MISMATCH(400, Failure.API_ERROR),
  UNAUTHORIZED(401, Failure.API_ERROR),
  FORBIDDEN(403, Failure.API_ERROR),
  NOT_FOUND(404, Failure.API_ERROR),
  METHOD_NOT_ALLOWED(405, Failure.API_ERROR),
  TOO_LARGE(413, Failure.API_ERROR),
  RANGE_NOT_SATISFIABLE(416, Failure.API_ERROR),
  INTERNAL(500, Failure.INTERNAL),
  STORE_FULL(507, Failure.API_ERROR);

  private final int status;
  private final Failure failure;

  Problem(int status, Failure failure) {
    this.status = status;
    this.failure = failure;
  }

  public int status() {
    return status;
  }

  public Failure failure() {
    return failure;
  }

  /** Sent as the error body's {@code problem}, so a client can tell kinds that share a status apart. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
