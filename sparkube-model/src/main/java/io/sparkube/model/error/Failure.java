package io.sparkube.model.error;

/**
 * Every way a Sparkube command can fail before or while talking to a cluster, each with its own
 * exit code. The codes are documented in README.md; a followed job exits with its driver's code
 * instead.
 */
public enum Failure {
  UNKNOWN_FLAG(64, "an unknown or malformed flag"),
  MISSING_PRIMARY_RESOURCE(65, "no primary resource (application jar or script) was given"),
  INVALID_NAME(66, "a name is not a valid DNS-1123 name"),
  MISSING_IMAGE(67, "no container image is set"),
  UNKNOWN_MASTER(68, "the master URL is not k8s://[http[s]://]host[:port]"),
  API_UNREACHABLE(69, "the Kubernetes API server cannot be reached"),
  TLS_FAILURE(70, "TLS with the API server failed"),
  UNAUTHORIZED(71, "the API server rejected the credentials (401)"),
  FORBIDDEN(72, "the API server denied an operation (403)"),
  NAMESPACE_MISSING(73, "the namespace does not exist"),
  NAME_TAKEN(74, "an object with the driver pod's name already exists"),
  QUOTA_EXCEEDED(75, "a resource quota would be exceeded"),
  INVALID_CONFIG(76, "a setting has a bad value or is not supported on Kubernetes"),
  UNSUPPORTED_MODE(77, "client mode, or a flag that has no meaning on Kubernetes"),
  NOT_FOUND(78, "no submission matches the given id"),
  API_ERROR(79, "the API server refused a request for another reason"),
  INTERNAL(80, "a bug in Sparkube; please report it"),
  IDENTITY_CONFLICT(81, "the job's ServiceAccount exists with another identity"),
  STAGING_UNREACHABLE(82, "the staging server cannot be reached"),
  STAGING_REFUSED(83, "the staging server refused an upload or a job's files");

  private final int exitCode;
  private final String meaning;

  Failure(int exitCode, String meaning) {
    this.exitCode = exitCode;
    this.meaning = meaning;
  }

  public int exitCode() {
    return exitCode;
  }

  public String meaning() {
    return meaning;
  }
}
