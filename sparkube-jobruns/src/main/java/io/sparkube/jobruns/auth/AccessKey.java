package io.sparkube.jobruns.auth;

/** One AWS access key the API accepts signatures from, and the ARN its runs are created by. */
public record AccessKey(String accessKeyId, String secretAccessKey, String arn) {
  /** Never prints the secret: records would otherwise show every component in logs and failures. */
  @Override
  public String toString() {
    return "AccessKey[" + accessKeyId + ", " + arn + "]";
  }
}
