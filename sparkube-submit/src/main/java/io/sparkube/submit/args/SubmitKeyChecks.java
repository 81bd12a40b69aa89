package io.sparkube.submit.args;

import io.sparkube.model.config.Conf;
import io.sparkube.submit.driver.DriverKeys;
import io.sparkube.model.config.ConfigKey;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.util.List;
import java.util.Locale;

/**
 * Settings checked before anything is created. Names must be valid Kubernetes names: Spark only
 * checks spark.kubernetes.executor.podNamePrefix itself (and only inside the driver), the API
 * server rejects the rest after the submission has begun. The value sets are Config.scala's
 * checkValues, the same on 3.5 to 4.1.
 */
final class SubmitKeyChecks {
  // The keys are declared once, in DriverKeys; here they are only checked early, before anything
  // is created, with names failing as INVALID_NAME rather than INVALID_CONFIG.
  private static final List<ConfigKey<String>> NAMES = List.of(DriverKeys.DRIVER_POD_NAME,
      DriverKeys.EXECUTOR_POD_NAME_PREFIX, DriverKeys.NAMESPACE, DriverKeys.DRIVER_SERVICE_ACCOUNT,
      DriverKeys.EXECUTOR_SERVICE_ACCOUNT);
  private static final List<ConfigKey<?>> VALUES = List.of(DriverKeys.IMAGE_PULL_POLICY,
      DriverKeys.SERVICE_IP_FAMILY_POLICY, DriverKeys.SERVICE_IP_FAMILIES, DriverKeys.CONFIG_MAP_MAX_SIZE);

  private SubmitKeyChecks() {}

  static void check(Conf conf) {
    for (var key : NAMES) {
      conf.rawOf(key).filter(v -> !key.check().test(v)).ifPresent(v -> {
        throw new SparkubeException(Failure.INVALID_NAME,
            key.key() + "=" + v + " is not valid: it must be " + key.checkMessage()
                + "; e.g. " + key.key() + "=" + example(v));
      });
    }
    // ConfigKey.read fails with INVALID_CONFIG naming the key when a value is malformed.
    VALUES.forEach(key -> key.read(conf));
  }

  /** A valid name close to {@code bad}, for the message: lower-cased, bad runs to '-'. */
  static String example(String bad) {
    var s = bad.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > 63) {
      s = s.substring(0, 63).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "spark-app" : s;
  }
}
