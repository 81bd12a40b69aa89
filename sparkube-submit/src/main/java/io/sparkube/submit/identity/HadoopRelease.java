package io.sparkube.submit.identity;

import io.sparkube.model.SparkLine;
import io.sparkube.model.error.SparkubeException;
import java.util.regex.Pattern;

/**
 * The Hadoop release in a job's image, which decides the storage connectors' credential classes:
 * S3A moved from AWS SDK v1 to v2 in 3.4.0, and ABFS gained its workload identity provider in 3.4.1.
 */
public record HadoopRelease(int major, int minor, int patch) {
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?([-.].*)?");

  /** The Hadoop that Spark's own images and distributions of {@code line} ship. */
  public static HadoopRelease bundledWith(SparkLine line) {
    return switch (line) {
      case V3_5 -> new HadoopRelease(3, 3, 4);
      case V4_0 -> new HadoopRelease(3, 4, 1);
      case V4_1 -> new HadoopRelease(3, 4, 2);
    };
  }

  /** @param key the setting the version came from, for the message */
  public static HadoopRelease parse(String key, String version) {
    var m = VERSION.matcher(version.strip());
    if (!m.matches() || !m.group(1).equals("3")) {
      throw SparkubeException.invalidConfig(key + "=" + version + " is not a Hadoop 3 version; give the image's"
          + " Hadoop version, e.g. 3.3.4 or 3.4.1");
    }
    return new HadoopRelease(3, Integer.parseInt(m.group(2)), m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
  }

  public boolean awsSdkV2() {
    return atLeast(3, 4, 0);
  }

  /** Before 3.4, ABFS's MSI provider refuses to start without a tenant and client id. */
  public boolean msiNeedsTenantAndClient() {
    return !atLeast(3, 4, 0);
  }

  public boolean abfsWorkloadIdentity() {
    return atLeast(3, 4, 1);
  }

  private boolean atLeast(int otherMajor, int otherMinor, int otherPatch) {
    return major != otherMajor ? major > otherMajor
        : minor != otherMinor ? minor > otherMinor : patch >= otherPatch;
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
