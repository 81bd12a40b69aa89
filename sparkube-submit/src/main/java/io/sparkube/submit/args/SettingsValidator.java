package io.sparkube.submit.args;

import io.sparkube.model.config.ValueType;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.util.Optional;

/**
 * The checks spark-submit makes on its settings before it submits (validateSubmitArguments and
 * the fail-fast part of prepareSubmitEnvironment), plus the refusal of client mode.
 */
final class SettingsValidator {
  private SettingsValidator() {}

  static void validate(SubmitSettings s) {
    checkDeployMode(s.deployMode());
    s.driverMemory().ifPresent(v -> positiveSize(v, "driver memory", "--driver-memory 2g"));
    s.executorMemory().ifPresent(v -> positiveSize(v, "executor memory", "--executor-memory 4g"));
    s.driverCores().ifPresent(v -> positiveInt(v, "driver cores", "--driver-cores 1"));
    s.executorCores().ifPresent(v -> positiveInt(v, "executor cores", "--executor-cores 2"));
    if (!s.dynamicAllocation()) {
      s.numExecutors().ifPresent(v -> positiveInt(v, "number of executors", "--num-executors 2"));
    }
    if (s.proxyUser().isPresent() && s.principal().isPresent()) {
      throw SparkubeException.invalidConfig(
          "only one of --proxy-user or --principal can be given; drop one of them");
    }
    // spark-submit logs in to Kerberos on the submitting machine when the keytab is not local://.
    if (s.principal().isPresent() && s.keytab().filter(k -> !k.startsWith("local:")).isPresent()) {
      throw new SparkubeException(Failure.UNSUPPORTED_MODE,
          "--principal with a keytab on this machine needs a Kerberos login at submission, which"
              + " Sparkube does not do; use a keytab inside the image (local://...) or"
              + " spark.kubernetes.kerberos.tokenSecret.name");
    }
  }

  private static void checkDeployMode(Optional<String> mode) {
    // spark-submit's default deploy mode is client. A drop-in for cluster submissions assumes
    // cluster when none is given, since running the driver here is what Sparkube avoids.
    var value = mode.orElse("cluster");
    if (value.equals("client")) {
      throw new SparkubeException(Failure.UNSUPPORTED_MODE,
          "client deploy mode runs the driver on this machine, which needs a Spark install;"
              + " use --deploy-mode cluster (or leave it out)");
    }
    if (!value.equals("cluster")) {
      throw SparkubeException.invalidConfig(
          "deploy mode '" + value + "' is neither client nor cluster; use --deploy-mode cluster");
    }
  }

  private static void positiveSize(String raw, String what, String example) {
    long bytes;
    try {
      bytes = ValueType.BYTES.parse(raw);
    } catch (IllegalArgumentException | ArithmeticException e) {
      bytes = -1;
    }
    if (bytes <= 0) {
      throw SparkubeException.invalidConfig(
          what + " '" + raw + "' must be a positive size such as 512m or 2g; e.g. " + example);
    }
  }

  private static void positiveInt(String raw, String what, String example) {
    int n;
    try {
      // Scala's toInt, as spark-submit uses: no trimming.
      n = Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n <= 0) {
      throw SparkubeException.invalidConfig(
          what + " '" + raw + "' must be a positive whole number; e.g. " + example);
    }
  }
}
