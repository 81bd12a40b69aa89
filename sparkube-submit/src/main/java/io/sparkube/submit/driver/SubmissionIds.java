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

  /** Three random bytes in hex, then the low 40 bits of the clock's millis in hex, as Spark does. */
  static String uniqueId(Clock clock) {
    var bytes = new byte[3];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes) + Long.toHexString(clock.millis() & 0xFFFFFFFFFFL);
  }
}
