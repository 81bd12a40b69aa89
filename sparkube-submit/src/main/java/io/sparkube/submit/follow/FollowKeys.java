package io.sparkube.submit.follow;

import io.sparkube.model.config.ConfigKey;
import io.sparkube.model.config.ValueType;

/** Settings for following, killing and reporting on a submitted job. */
public final class FollowKeys {

  public static final ConfigKey<Long> REPORT_INTERVAL_MS =
      ConfigKey.of("spark.kubernetes.report.interval", ValueType.MILLIS)
          .doc("Interval between reports of the current app status in cluster mode.")
          .since("2.3.0").check(v -> v > 0, "must be a positive time value").defaultTo(1000L);

  public static final ConfigKey<Long> KILL_GRACE_PERIOD_SECONDS =
      ConfigKey.of("spark.kubernetes.appKillPodDeletionGracePeriod", ValueType.SECONDS)
          .doc("Time to wait for graceful deletion of Spark pods when killing an application.")
          .since("3.0.0").check(v -> v >= 0, "must not be negative").optional();

  private FollowKeys() {}
}
