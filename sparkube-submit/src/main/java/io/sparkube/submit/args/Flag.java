package io.sparkube.submit.args;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every flag {@code sparkube submit} recognises: spark-submit's own (as listed by Spark's
 * SparkSubmitOptionParser in 3.5 to 4.1), Sparkube's additions, and early-release aliases.
 * Flags that spark-submit knows but that mean nothing for a Kubernetes cluster submission are
 * listed too, so they fail with an explanation instead of "unknown flag".
 */
enum Flag {
  // spark-submit, used on Kubernetes
  MASTER(true, "--master"),
  DEPLOY_MODE(true, "--deploy-mode"),
  CLASS(true, "--class"),
  NAME(true, "--name"),
  CONF(true, "--conf", "-c"),
  PROPERTIES_FILE(true, "--properties-file"),
  LOAD_SPARK_DEFAULTS(false, "--load-spark-defaults"),
  JARS(true, "--jars"),
  FILES(true, "--files"),
  PY_FILES(true, "--py-files"),
  ARCHIVES(true, "--archives"),
  PACKAGES(true, "--packages"),
  REPOSITORIES(true, "--repositories"),
  EXCLUDE_PACKAGES(true, "--exclude-packages"),
  DRIVER_MEMORY(true, "--driver-memory"),
  DRIVER_CORES(true, "--driver-cores"),
  DRIVER_JAVA_OPTIONS(true, "--driver-java-options"),
  DRIVER_CLASS_PATH(true, "--driver-class-path"),
  DRIVER_LIBRARY_PATH(true, "--driver-library-path"),
  EXECUTOR_MEMORY(true, "--executor-memory"),
  EXECUTOR_CORES(true, "--executor-cores"),
  NUM_EXECUTORS(true, "--num-executors"),
  PROXY_USER(true, "--proxy-user"),
  PRINCIPAL(true, "--principal"),
  KEYTAB(true, "--keytab"),
  VERBOSE(false, "--verbose", "-v"),
  HELP(false, "--help", "-h"),

  // spark-submit, rejected for a Kubernetes cluster submission
  TOTAL_EXECUTOR_CORES(true, "--total-executor-cores"),
  SUPERVISE(false, "--supervise"),
  QUEUE(true, "--queue"),
  KILL(true, "--kill"),
  STATUS(true, "--status"),
  REMOTE(true, "--remote"),
  VERSION(false, "--version"),

  // Sparkube's own
  DRY_RUN(false, "--dry-run"),
  NO_WAIT(false, "--no-wait"),
  SPARK_VERSION(true, "--spark-version"),
  KUBECONFIG(true, "--kubeconfig"),
  CONTEXT(true, "--context"),
  IDENTITY(true, "--identity"),
  IDENTITY_INJECTION(true, "--identity-injection"),
  NO_RBAC(false, "--no-rbac"),

  // early-release alias of --conf spark.kubernetes.namespace=X
  KUBERNETES_NAMESPACE(true, "--kubernetes-namespace");

  private final boolean takesValue;
  private final List<String> names;

  Flag(boolean takesValue, String... names) {
    this.takesValue = takesValue;
    this.names = List.of(names);
  }

  boolean takesValue() {
    return takesValue;
  }

  /** The long name, as users and messages spell it. */
  String longName() {
    return names.get(0);
  }

  static Optional<Flag> named(String name) {
    return Arrays.stream(values()).filter(f -> f.names.contains(name)).findFirst();
  }

  static List<String> allNames() {
    return Arrays.stream(values()).flatMap(f -> f.names.stream()).toList();
  }
}
