package io.sparkube.submit.driver;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The random parts of a submission's names, drawn once so that building is a pure function of
 * (request, line, ids). Each id has the form Spark's client gives it, so names look the same.
 *
 * @param appId {@code spark-<32 hex>}, the value of spark.app.id and the spark-app-selector label
 * @param resourceNameId suffix of the resource name prefix ({@code <app name>-<id>})
 * @param configMapId middle of the driver ConfigMap's name ({@code spark-drv-<id>-conf-map})
 * @param serviceId used only when {@code <prefix>-driver-svc} is too long for a Service name
 * @param localDirId the UUID in the default scratch directory {@code /var/data/spark-<uuid>}
 */
public record SubmissionIds(
    String appId, String resourceNameId, String configMapId, String serviceId, String localDirId) {

  private static final SecureRandom RANDOM = new SecureRandom();

  public static SubmissionIds random(Clock clock) {
    return new SubmissionIds(
        "spark-" + UUID.randomUUID().toString().replace("-", ""),
        uniqueId(clock), uniqueId(clock), uniqueId(clock), UUID.randomUUID().toString());
  }

  /**
   * Ids drawn from {@code seed} rather than at random, for a caller that may repeat a submission
   * (an operator restarted mid-way): the same seed names the same objects, so the repeat finds
   * what the first one created instead of making a second job.
   */
  public static SubmissionIds derived(String seed) {
    var hex = HexFormat.of().formatHex(sha256(seed));
    // Same lengths as the random ids: 6 hex of "random" bytes, then 10 hex standing for the clock.
    return new SubmissionIds("spark-" + hex.substring(0, 32), hex.substring(32, 48), hex.substring(48, 64),
        HexFormat.of().formatHex(sha256(seed + "/service")).substring(0, 16),
        UUID.nameUUIDFromBytes(sha256(seed + "/local-dir")).toString());
  }

  private static byte[] sha256(String text) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Three random bytes in hex, then the low 40 bits of the clock's millis in hex, as Spark does. */
  static String uniqueId(Clock clock) {
    var bytes = new byte[3];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes) + Long.toHexString(clock.millis() & 0xFFFFFFFFFFL);
  }
}
