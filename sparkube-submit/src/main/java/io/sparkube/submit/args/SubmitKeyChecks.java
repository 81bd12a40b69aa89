package io.sparkube.submit.args;

import io.sparkube.model.config.Conf;
import io.sparkube.model.config.ConfigKey;
import io.sparkube.model.config.ValueType;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings checked before anything is created. Names must be valid Kubernetes names: Spark only
 * checks spark.kubernetes.executor.podNamePrefix itself (and only inside the driver), the API
 * server rejects the rest after the submission has begun. The value sets are Config.scala's
 * checkValues, the same on 3.5 to 4.1.
 */
final class SubmitKeyChecks {
  private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS_LABEL = Pattern.compile(LABEL);
  private static final Pattern DNS_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
  private static final String SUBDOMAIN_RULE = "a DNS-1123 subdomain: lower-case letters, digits,"
      + " '-' and '.', starting and ending with a letter or digit, at most 253 characters";
  private static final String LABEL_RULE = "a DNS-1123 label: lower-case letters, digits and '-',"
      + " starting and ending with a letter or digit, at most 63 characters";
  // Executor pods are named "<prefix>-exec-<id>"; 10 digits of Int.MaxValue plus "-exec-".
  private static final int EXECUTOR_NAME_RESERVED = 16;

  static final ConfigKey<String> DRIVER_POD_NAME = ConfigKey.of("spark.kubernetes.driver.pod.name", ValueType.STRING)
      .doc("Name of the driver pod.").since("2.3.0")
      .check(SubmitKeyChecks::isSubdomain, SUBDOMAIN_RULE).optional();
  static final ConfigKey<String> EXECUTOR_POD_NAME_PREFIX =
      ConfigKey.of("spark.kubernetes.executor.podNamePrefix", ValueType.STRING)
          .doc("Prefix of executor pod names.").since("2.3.0")
          .check(p -> isSubdomain(p) && p.length() + EXECUTOR_NAME_RESERVED <= 253,
              SUBDOMAIN_RULE.replace("253", "237") + " (Spark appends -exec-<id>)")
          .optional();
  static final ConfigKey<String> NAMESPACE = ConfigKey.of("spark.kubernetes.namespace", ValueType.STRING)
      .doc("The namespace the driver and executors run in.").since("2.3.0")
      .check(SubmitKeyChecks::isLabel, LABEL_RULE).optional();
  static final ConfigKey<String> DRIVER_SERVICE_ACCOUNT =
      ConfigKey.of("spark.kubernetes.authenticate.driver.serviceAccountName", ValueType.STRING)
          .doc("Service account the driver pod runs as.").since("2.3.0")
          .check(SubmitKeyChecks::isSubdomain, SUBDOMAIN_RULE).optional();
  static final ConfigKey<String> EXECUTOR_SERVICE_ACCOUNT =
      ConfigKey.of("spark.kubernetes.authenticate.executor.serviceAccountName", ValueType.STRING)
          .doc("Service account executor pods run as.").since("3.1.0")
          .check(SubmitKeyChecks::isSubdomain, SUBDOMAIN_RULE).optional();

  static final ConfigKey<String> PULL_POLICY =
      ConfigKey.of("spark.kubernetes.container.image.pullPolicy", ValueType.STRING)
          .doc("Image pull policy of driver and executors.").since("2.3.0")
          .check(Set.of("Always", "Never", "IfNotPresent")::contains, "use Always, Never or IfNotPresent")
          .defaultTo("IfNotPresent");
  static final ConfigKey<String> IP_FAMILY_POLICY =
      ConfigKey.of("spark.kubernetes.driver.service.ipFamilyPolicy", ValueType.STRING)
          .doc("IP family policy of the driver service.").since("3.4.0")
          .check(Set.of("SingleStack", "PreferDualStack", "RequireDualStack")::contains,
              "use SingleStack, PreferDualStack or RequireDualStack")
          .defaultTo("SingleStack");
  static final ConfigKey<String> IP_FAMILIES =
      ConfigKey.of("spark.kubernetes.driver.service.ipFamilies", ValueType.STRING)
          .doc("IP families of the driver service.").since("3.4.0")
          .check(Set.of("IPv4", "IPv6", "IPv4,IPv6", "IPv6,IPv4")::contains,
              "use IPv4, IPv6, IPv4,IPv6 or IPv6,IPv4")
          .defaultTo("IPv4");
  static final ConfigKey<Long> CONFIG_MAP_MAX_SIZE =
      ConfigKey.of("spark.kubernetes.configMap.maxSize", ValueType.LONG)
          .doc("Largest ConfigMap Spark creates, in bytes.").since("3.1.0")
          .check(size -> size <= 1048576, "must be at most 1048576 bytes")
          .defaultTo(1048576L);

  private static final List<ConfigKey<String>> NAMES = List.of(
      DRIVER_POD_NAME, EXECUTOR_POD_NAME_PREFIX, NAMESPACE, DRIVER_SERVICE_ACCOUNT, EXECUTOR_SERVICE_ACCOUNT);
  private static final List<ConfigKey<?>> VALUES = List.of(PULL_POLICY, IP_FAMILY_POLICY, IP_FAMILIES, CONFIG_MAP_MAX_SIZE);

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

  static boolean isSubdomain(String name) {
    return name.length() <= 253 && DNS_SUBDOMAIN.matcher(name).matches();
  }

  static boolean isLabel(String name) {
    return name.length() <= 63 && DNS_LABEL.matcher(name).matches();
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
