package io.sparkube.submit.identity;

import io.sparkube.model.config.ConfigKey;
import io.sparkube.model.config.ValueType;
import java.util.Set;

/** Sparkube's identity and access settings; the flags --identity, --identity-injection and --no-rbac set them. */
public final class IdentityKeys {
  private IdentityKeys() {}

  public static final ConfigKey<String> IDENTITY = ConfigKey.of("spark.sparkube.identity", ValueType.STRING)
      .doc("Cloud identity of the driver and executors: " + IdentityParser.FORMATS + ".").since("sparkube 0.1")
      .optional();

  public static final ConfigKey<String> INJECTION = ConfigKey.of("spark.sparkube.identity.injection", ValueType.STRING)
      .doc("Who adds the identity's token volume and env vars to pods: the provider's webhook, Sparkube, or auto"
          + " (Sparkube unless the cluster has the provider's webhook).").since("sparkube 0.1")
      .check(Set.of("auto", "sparkube", "webhook")::contains, "use auto, sparkube or webhook").defaultTo("auto");

  public static final ConfigKey<Boolean> CREATE_RBAC = ConfigKey.of("spark.sparkube.rbac.create", ValueType.BOOLEAN)
      .doc("Create a Role and RoleBinding, owned by the driver pod, granting the driver's ServiceAccount exactly"
          + " what the job's Spark line needs.").since("sparkube 0.1").defaultTo(true);

  public static final ConfigKey<String> HADOOP_VERSION = ConfigKey.of("spark.sparkube.hadoop.version", ValueType.STRING)
      .doc("Hadoop version in the job's image, when it is not the one Spark's own images of that line ship;"
          + " it decides the storage connectors' credential settings.").since("sparkube 0.1").optional();
}
