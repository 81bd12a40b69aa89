package io.sparkube.resources;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * How a job run of the REST API is kept as a SparkApplication, the contract between the API that
 * writes them and the operator that runs them. The API keeps nothing elsewhere.
 */
public final class JobRuns {
  /** On a SparkApplication: the id of its VirtualCluster, to list a virtual cluster's runs. */
  public static final String VIRTUAL_CLUSTER_LABEL = "sparkube.io/virtual-cluster";
  /** The start-job-run request as received (JSON), so describe-job-run can echo what was asked. */
  public static final String REQUEST_ANNOTATION = "emr-containers.sparkube.io/request";
  /** Who started the run: the caller's ARN (SigV4) or principal name (bearer token). */
  public static final String CREATED_BY_ANNOTATION = "sparkube.io/created-by";

  private static final int ID_LENGTH = 19;
  private static final char[] BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

  private JobRuns() {}

  /**
   * The id (and SparkApplication name) of the run a client token starts in a virtual cluster: the
   * same token always names the same run, so a retried request finds it instead of starting
   * another, even when two copies race. Shaped as EMR's ids are: lowercase letters and digits.
   */
  public static String idFor(String virtualClusterId, String clientToken) {
    return digestId("job-run\n" + virtualClusterId + "\n" + clientToken);
  }

  /** The id (and name) of the VirtualCluster a create-virtual-cluster client token makes. */
  public static String virtualClusterIdFor(String clientToken) {
    return digestId("virtual-cluster\n" + clientToken);
  }

  private static String digestId(String text) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    var id = new char[ID_LENGTH];
    for (int i = 0; i < ID_LENGTH; i++) {
      id[i] = BASE36[(digest[i] & 0xff) % BASE36.length];
    }
    return new String(id);
  }
}
