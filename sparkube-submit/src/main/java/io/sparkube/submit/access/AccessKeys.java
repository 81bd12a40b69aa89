package io.sparkube.submit.access;

import io.sparkube.model.config.ConfigKey;
import io.sparkube.model.config.ValueType;

/** Spark's settings that decide which API calls its driver makes, with Spark's names and defaults. */
final class AccessKeys {
  private AccessKeys() {}

  static final ConfigKey<Boolean> DELETE_EXECUTORS =
      ConfigKey.of("spark.kubernetes.executor.deleteOnTermination", ValueType.BOOLEAN)
          .doc("Delete executor pods (and their ConfigMap) when they end, rather than label them.").since("3.0.0")
          .defaultTo(true);

  static final ConfigKey<String> DECOMMISSION_LABEL =
      ConfigKey.of("spark.kubernetes.executor.decommissionLabel", ValueType.STRING)
          .doc("Label put on executors being decommissioned.").since("3.3.0").optional();

  static final ConfigKey<String> POD_ALLOCATOR = ConfigKey.of("spark.kubernetes.allocation.pods.allocator",
      ValueType.STRING).doc("How executors are created: direct, statefulset, or a class.").since("3.3.0")
      .defaultTo("direct");

  static final ConfigKey<Boolean> DISABLE_CONFIG_MAP =
      ConfigKey.of("spark.kubernetes.executor.disableConfigMap", ValueType.BOOLEAN)
          .doc("Do not give executors a ConfigMap.").since("3.2.0").defaultTo(false);

  static final ConfigKey<Boolean> DELETE_DRIVER_SERVICE =
      ConfigKey.of("spark.kubernetes.driver.service.deleteOnTermination", ValueType.BOOLEAN)
          .doc("Delete the driver's Service when the application ends.").since("3.2.0").defaultTo(true);

  static final ConfigKey<Boolean> OWN_PVC = ConfigKey.of("spark.kubernetes.driver.ownPersistentVolumeClaim",
      ValueType.BOOLEAN).doc("The driver owns on-demand PVCs and deletes them at the end.").since("3.2.0")
      .defaultTo(true);

  static final ConfigKey<Boolean> REUSE_PVC = ConfigKey.of("spark.kubernetes.driver.reusePersistentVolumeClaim",
      ValueType.BOOLEAN).doc("New executors reuse the claims of lost ones (needs ownPersistentVolumeClaim).")
      .since("3.2.0").defaultTo(true);

  static final ConfigKey<Boolean> ANNOTATE_EXIT_EXCEPTION =
      ConfigKey.of("spark.kubernetes.driver.annotateExitException", ValueType.BOOLEAN)
          .doc("Annotate the driver pod with the exception that ended the application.").since("4.1.0")
          .defaultTo(false);
}
