package io.sparkube.submit.driver;

import io.sparkube.model.config.ConfigKey;
import io.sparkube.model.config.DnsNames;
import io.sparkube.model.config.ValueType;
import java.util.List;
import java.util.Set;

/**
 * The settings that shape the driver's Kubernetes objects, declared once with Spark's names,
 * defaults and checks. Where a default differs between lines, both are declared and the step
 * picks by line.
 */
public final class DriverKeys {
  private DriverKeys() {}

  public static final ConfigKey<String> NAMESPACE = ConfigKey.of("spark.kubernetes.namespace", ValueType.STRING)
      .doc("Namespace of the driver and executor pods.").since("2.3.0")
      .check(DnsNames::isLabel, DnsNames.LABEL_RULE).defaultTo("default");

  public static final ConfigKey<String> CONTAINER_IMAGE =
      ConfigKey.of("spark.kubernetes.container.image", ValueType.STRING)
          .doc("Image of all Spark containers unless a role sets its own.").since("2.3.0").optional();

  public static final ConfigKey<String> DRIVER_CONTAINER_IMAGE =
      ConfigKey.of("spark.kubernetes.driver.container.image", ValueType.STRING)
          .doc("Image of the driver container.").since("2.3.0")
          .defaultFrom(c -> c.getOptional(CONTAINER_IMAGE).orElse(null));

  public static final ConfigKey<String> EXECUTOR_CONTAINER_IMAGE =
      ConfigKey.of("spark.kubernetes.executor.container.image", ValueType.STRING)
          .doc("Image of the executor containers.").since("2.3.0")
          .defaultFrom(c -> c.getOptional(CONTAINER_IMAGE).orElse(null));

  public static final ConfigKey<String> IMAGE_PULL_POLICY =
      ConfigKey.of("spark.kubernetes.container.image.pullPolicy", ValueType.STRING)
          .doc("Image pull policy.").since("2.3.0")
          .check(Set.of("Always", "Never", "IfNotPresent")::contains, "use Always, Never or IfNotPresent")
          .defaultTo("IfNotPresent");

  public static final ConfigKey<List<String>> IMAGE_PULL_SECRETS =
      ConfigKey.of("spark.kubernetes.container.image.pullSecrets", ValueType.LIST)
          .doc("Secrets used to pull images from private registries.").since("2.4.0").defaultTo(List.of());

  public static final ConfigKey<String> DRIVER_POD_NAME = ConfigKey.of("spark.kubernetes.driver.pod.name", ValueType.STRING)
      .doc("Name of the driver pod.").since("2.3.0")
      .check(DnsNames::isSubdomain, DnsNames.SUBDOMAIN_RULE).optional();

  /** Executor pods are named {@code <prefix>-exec-<id>}: room for "-exec-" and ten digits. */
  public static final ConfigKey<String> EXECUTOR_POD_NAME_PREFIX =
      ConfigKey.of("spark.kubernetes.executor.podNamePrefix", ValueType.STRING)
          .doc("Prefix of executor pod names.").since("2.3.0")
          .check(p -> DnsNames.isSubdomain(p) && p.length() + 16 <= DnsNames.SUBDOMAIN_MAX,
              DnsNames.SUBDOMAIN_RULE.replace("253", "237") + " (Spark appends -exec-<id>)")
          .optional();

  public static final ConfigKey<String> DRIVER_REQUEST_CORES =
      ConfigKey.of("spark.kubernetes.driver.request.cores", ValueType.STRING)
          .doc("CPU request of the driver pod.").since("3.0.0").optional();

  public static final ConfigKey<String> DRIVER_LIMIT_CORES =
      ConfigKey.of("spark.kubernetes.driver.limit.cores", ValueType.STRING)
          .doc("CPU limit of the driver pod.").since("2.3.0").optional();

  public static final ConfigKey<String> DRIVER_SERVICE_ACCOUNT =
      ConfigKey.of("spark.kubernetes.authenticate.driver.serviceAccountName", ValueType.STRING)
          .doc("ServiceAccount the driver pod runs as.").since("2.3.0")
          .check(DnsNames::isSubdomain, DnsNames.SUBDOMAIN_RULE).optional();

  public static final ConfigKey<String> EXECUTOR_SERVICE_ACCOUNT =
      ConfigKey.of("spark.kubernetes.authenticate.executor.serviceAccountName", ValueType.STRING)
          .doc("ServiceAccount executor pods run as.").since("3.1.0")
          .check(DnsNames::isSubdomain, DnsNames.SUBDOMAIN_RULE).optional();

  public static final ConfigKey<String> SCHEDULER_NAME = ConfigKey.of("spark.kubernetes.scheduler.name", ValueType.STRING)
      .doc("Scheduler of driver and executor pods.").since("3.0.0").optional();

  public static final ConfigKey<String> DRIVER_SCHEDULER_NAME =
      ConfigKey.of("spark.kubernetes.driver.scheduler.name", ValueType.STRING)
          .doc("Scheduler of the driver pod.").since("3.3.0").optional();

  public static final ConfigKey<String> SERVICE_IP_FAMILY_POLICY =
      ConfigKey.of("spark.kubernetes.driver.service.ipFamilyPolicy", ValueType.STRING)
          .doc("IP family policy of the driver Service.").since("3.4.0")
          .check(Set.of("SingleStack", "PreferDualStack", "RequireDualStack")::contains,
              "use SingleStack, PreferDualStack or RequireDualStack")
          .defaultTo("SingleStack");

  public static final ConfigKey<String> SERVICE_IP_FAMILIES =
      ConfigKey.of("spark.kubernetes.driver.service.ipFamilies", ValueType.STRING)
          .doc("IP families of the driver Service.").since("3.4.0")
          .check(Set.of("IPv4", "IPv6", "IPv4,IPv6", "IPv6,IPv4")::contains, "use IPv4, IPv6, IPv4,IPv6 or IPv6,IPv4")
          .defaultTo("IPv4");

  public static final ConfigKey<Double> MEMORY_OVERHEAD_FACTOR =
      ConfigKey.of("spark.kubernetes.memoryOverheadFactor", ValueType.DOUBLE)
          .doc("Deprecated default overhead factor; 0.4 for non-JVM jobs when unset.").since("2.4.0")
          .check(f -> f >= 0, "it must be non-negative").defaultTo(0.1);

  public static final ConfigKey<Boolean> LOCAL_DIRS_TMPFS = ConfigKey.of("spark.kubernetes.local.dirs.tmpfs", ValueType.BOOLEAN)
      .doc("Back SPARK_LOCAL_DIRS emptyDirs with memory.").since("3.0.0").defaultTo(false);

  public static final ConfigKey<String> DRIVER_POD_TEMPLATE_FILE =
      ConfigKey.of("spark.kubernetes.driver.podTemplateFile", ValueType.STRING)
          .doc("Template the driver pod starts from.").since("3.0.0").optional();

  public static final ConfigKey<String> DRIVER_POD_TEMPLATE_CONTAINER =
      ConfigKey.of("spark.kubernetes.driver.podTemplateContainerName", ValueType.STRING)
          .doc("Container of the driver template that becomes the driver container.").since("3.0.0").optional();

  public static final ConfigKey<String> EXECUTOR_POD_TEMPLATE_FILE =
      ConfigKey.of("spark.kubernetes.executor.podTemplateFile", ValueType.STRING)
          .doc("Template executor pods start from; shipped to the driver in a ConfigMap.").since("3.0.0").optional();

  public static final ConfigKey<String> EXECUTOR_POD_TEMPLATE_CONTAINER =
      ConfigKey.of("spark.kubernetes.executor.podTemplateContainerName", ValueType.STRING)
          .doc("Container of the executor template that becomes the executor container.").since("3.0.0").optional();

  public static final ConfigKey<List<String>> DRIVER_FEATURE_STEPS =
      ConfigKey.of("spark.kubernetes.driver.pod.featureSteps", ValueType.LIST)
          .doc("Extra driver feature step classes.").since("3.2.0").defaultTo(List.of());

  public static final ConfigKey<List<String>> DRIVER_EXCLUDED_FEATURE_STEPS =
      ConfigKey.of("spark.kubernetes.driver.pod.excludedFeatureSteps", ValueType.LIST)
          .doc("Spark feature step classes to leave out of the driver.").since("4.1.0").defaultTo(List.of());

  public static final ConfigKey<String> HADOOP_CONF_CONFIG_MAP =
      ConfigKey.of("spark.kubernetes.hadoop.configMapName", ValueType.STRING)
          .doc("Existing ConfigMap holding the Hadoop configuration.").since("3.0.0").optional();

  public static final ConfigKey<String> KRB5_FILE = ConfigKey.of("spark.kubernetes.kerberos.krb5.path", ValueType.STRING)
      .doc("Local krb5.conf shipped in a ConfigMap.").since("3.0.0").optional();

  public static final ConfigKey<String> KRB5_CONFIG_MAP =
      ConfigKey.of("spark.kubernetes.kerberos.krb5.configMapName", ValueType.STRING)
          .doc("Existing ConfigMap holding krb5.conf.").since("3.0.0").optional();

  public static final ConfigKey<String> KERBEROS_DT_SECRET =
      ConfigKey.of("spark.kubernetes.kerberos.tokenSecret.name", ValueType.STRING)
          .doc("Existing Secret holding delegation tokens.").since("3.0.0").optional();

  public static final ConfigKey<String> KERBEROS_DT_ITEM_KEY =
      ConfigKey.of("spark.kubernetes.kerberos.tokenSecret.itemKey", ValueType.STRING)
          .doc("Key of the delegation tokens in that Secret.").since("3.0.0").optional();

  public static final ConfigKey<String> KERBEROS_PRINCIPAL = ConfigKey.of("spark.kerberos.principal", ValueType.STRING)
      .doc("Kerberos principal.").since("3.0.0").alternatives("spark.yarn.principal").optional();

  public static final ConfigKey<String> KERBEROS_KEYTAB = ConfigKey.of("spark.kerberos.keytab", ValueType.STRING)
      .doc("Kerberos keytab.").since("3.0.0").alternatives("spark.yarn.keytab").optional();

  public static final ConfigKey<Long> CONFIG_MAP_MAX_SIZE = ConfigKey.of("spark.kubernetes.configMap.maxSize", ValueType.LONG)
      .doc("Largest ConfigMap Spark writes, in bytes.").since("3.1.0")
      .check(v -> v <= 1048576, "it must be at most 1048576 bytes").defaultTo(1048576L);

  /** 3.5 defaults to ReadWriteOnce; 4.x to ReadWriteOncePod. */
  public static ConfigKey<Boolean> legacyPvcAccessMode(boolean defaultValue) {
    return ConfigKey.of("spark.kubernetes.legacy.useReadWriteOnceAccessMode", ValueType.BOOLEAN)
        .doc("Use ReadWriteOnce instead of ReadWriteOncePod for on-demand claims.").since("3.4.3")
        .defaultTo(defaultValue);
  }

  // Spark core settings the driver pod depends on.

  public static final ConfigKey<String> APP_NAME = ConfigKey.of("spark.app.name", ValueType.STRING)
      .doc("Application name.").since("0.9.0").defaultTo("spark");

  public static final ConfigKey<Integer> DRIVER_CORES = ConfigKey.of("spark.driver.cores", ValueType.INT)
      .doc("Driver cores.").since("1.3.0").defaultTo(1);

  public static final ConfigKey<Long> DRIVER_MEMORY_MIB = ConfigKey.of("spark.driver.memory", ValueType.MEBIBYTES)
      .doc("Driver heap, in MiB unless a unit is given.").since("1.1.1").defaultTo(1024L);

  public static final ConfigKey<Long> DRIVER_MEMORY_OVERHEAD_MIB =
      ConfigKey.of("spark.driver.memoryOverhead", ValueType.MEBIBYTES)
          .doc("Driver non-heap memory, in MiB unless a unit is given.").since("2.3.0").optional();

  public static final ConfigKey<Double> DRIVER_MEMORY_OVERHEAD_FACTOR =
      ConfigKey.of("spark.driver.memoryOverheadFactor", ValueType.DOUBLE)
          .doc("Driver non-heap memory as a fraction of its heap.").since("3.3.0")
          .check(f -> f > 0, "it must be greater than 0").defaultTo(0.1);

  public static final ConfigKey<Long> DRIVER_MIN_MEMORY_OVERHEAD_MIB =
      ConfigKey.of("spark.driver.minMemoryOverhead", ValueType.MEBIBYTES)
          .doc("Smallest driver overhead, in MiB unless a unit is given.").since("4.0.0").defaultTo(384L);

  public static final ConfigKey<Integer> DRIVER_PORT = ConfigKey.of("spark.driver.port", ValueType.INT)
      .doc("Driver RPC port.").since("0.7.0").defaultTo(7078);

  public static final ConfigKey<Integer> BLOCK_MANAGER_PORT = ConfigKey.of("spark.blockManager.port", ValueType.INT)
      .doc("Block manager port unless a role sets its own.").since("1.1.0").optional();

  public static final ConfigKey<Integer> DRIVER_BLOCK_MANAGER_PORT =
      ConfigKey.of("spark.driver.blockManager.port", ValueType.INT)
          .doc("Driver block manager port.").since("2.1.0").optional();

  public static final ConfigKey<Integer> UI_PORT = ConfigKey.of("spark.ui.port", ValueType.INT)
      .doc("Driver UI port.").since("0.7.0").defaultTo(4040);

  public static final ConfigKey<Integer> CONNECT_GRPC_PORT = ConfigKey.of("spark.connect.grpc.binding.port", ValueType.INT)
      .doc("Spark Connect server port, exposed by 4.1 drivers.").since("3.4.0").defaultTo(15002);

  public static final ConfigKey<String> PYSPARK_PYTHON = ConfigKey.of("spark.pyspark.python", ValueType.STRING)
      .doc("Python of driver and executors.").since("2.1.0").optional();

  public static final ConfigKey<String> PYSPARK_DRIVER_PYTHON = ConfigKey.of("spark.pyspark.driver.python", ValueType.STRING)
      .doc("Python of the driver.").since("2.1.0").optional();

  public static final ConfigKey<String> LOCAL_DIR = ConfigKey.of("spark.local.dir", ValueType.STRING)
      .doc("Scratch directories.").since("0.5.0").optional();

  public static final ConfigKey<List<String>> JARS = ConfigKey.of("spark.jars", ValueType.LIST)
      .doc("Jars on the driver and executor classpaths.").since("0.9.0").defaultTo(List.of());

  public static final ConfigKey<List<String>> FILES = ConfigKey.of("spark.files", ValueType.LIST)
      .doc("Files placed in each executor's working directory.").since("1.0.0").defaultTo(List.of());

  public static final ConfigKey<List<String>> ARCHIVES = ConfigKey.of("spark.archives", ValueType.LIST)
      .doc("Archives extracted into each executor's working directory.").since("3.1.0").defaultTo(List.of());

  public static final ConfigKey<List<String>> PY_FILES = ConfigKey.of("spark.submit.pyFiles", ValueType.LIST)
      .doc("Python files on the PYTHONPATH.").since("1.0.1").defaultTo(List.of());

  public static final String DRIVER_BIND_ADDRESS = "spark.driver.bindAddress";
  public static final String DRIVER_HOST = "spark.driver.host";

  // Prefix families.
  public static final String DRIVER_LABEL_PREFIX = "spark.kubernetes.driver.label.";
  public static final String DRIVER_ANNOTATION_PREFIX = "spark.kubernetes.driver.annotation.";
  public static final String SERVICE_LABEL_PREFIX = "spark.kubernetes.driver.service.label.";
  public static final String SERVICE_ANNOTATION_PREFIX = "spark.kubernetes.driver.service.annotation.";
  public static final String DRIVER_ENV_PREFIX = "spark.kubernetes.driverEnv.";
  public static final String DRIVER_SECRETS_PREFIX = "spark.kubernetes.driver.secrets.";
  public static final String DRIVER_SECRET_KEY_REF_PREFIX = "spark.kubernetes.driver.secretKeyRef.";
  public static final String DRIVER_VOLUMES_PREFIX = "spark.kubernetes.driver.volumes.";
  public static final String EXECUTOR_VOLUMES_PREFIX = "spark.kubernetes.executor.volumes.";
  public static final String NODE_SELECTOR_PREFIX = "spark.kubernetes.node.selector.";
  public static final String DRIVER_NODE_SELECTOR_PREFIX = "spark.kubernetes.driver.node.selector.";
  public static final String DRIVER_RESOURCE_PREFIX = "spark.driver.resource.";
  public static final String AUTH_DRIVER_PREFIX = "spark.kubernetes.authenticate.driver.";
  public static final String AUTH_DRIVER_MOUNTED_PREFIX = "spark.kubernetes.authenticate.driver.mounted.";
}
