package io.sparkube.submit.args;

import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.MainAppResource;
import java.util.Optional;
import java.util.Set;

/**
 * The primary resource as spark-submit classifies it: Python when the argument as typed ends in
 * .py, R when it ends in .R or .r, {@code spark-internal} for a main class already in the image,
 * and otherwise an application jar. {@code uri} is the resolved form spark-submit keeps.
 */
record PrimaryResource(String typed, String uri) {
  /** SparkLauncher.NO_RESOURCE: the main class is on the image's classpath, no jar to add. */
  static final String INTERNAL = "spark-internal";
  static final String PYTHON_RUNNER = "org.apache.spark.deploy.PythonRunner";
  static final String R_RUNNER = "org.apache.spark.deploy.RRunner";

  private static final Set<String> SHELLS =
      Set.of("spark-shell", "pyspark-shell", "sparkr-shell", "connect-shell");
  private static final Set<String> SERVER_CLASSES = Set.of(
      "org.apache.spark.sql.hive.thriftserver.SparkSQLCLIDriver",
      "org.apache.spark.sql.hive.thriftserver.HiveThriftServer2",
      "org.apache.spark.sql.connect.service.SparkConnectServer");

  static PrimaryResource of(String typed, Uris uris) {
    if (SHELLS.contains(typed)) {
      throw new SparkubeException(Failure.UNSUPPORTED_MODE,
          typed + " is an interactive shell and cannot run in cluster mode; submit an application"
              + " jar or script instead");
    }
    return new PrimaryResource(typed, INTERNAL.equals(typed) ? typed : uris.resolve(typed).toString());
  }

  boolean isPython() {
    return typed.endsWith(".py");
  }

  boolean isR() {
    return typed.endsWith(".R") || typed.endsWith(".r");
  }

  boolean isInternal() {
    return INTERNAL.equals(typed);
  }

  /** SparkSubmit.isUserJar: the resource goes onto spark.jars. */
  boolean isUserJar() {
    return !isPython() && !isR() && !isInternal();
  }

  /** What ClientArguments.fromCommandLineArgs makes of --primary-*-resource. */
  MainAppResource mainAppResource() {
    if (isPython()) {
      return new MainAppResource.PythonResource(uri);
    }
    if (isR()) {
      return new MainAppResource.RResource(uri);
    }
    return new MainAppResource.JavaResource(isInternal() ? Optional.empty() : Optional.of(uri));
  }

  /** The class the driver runs: Spark's runner for scripts, else the user's --class. */
  String driverMainClass(Optional<String> userClass) {
    userClass.filter(SERVER_CLASSES::contains).ifPresent(c -> {
      throw new SparkubeException(Failure.UNSUPPORTED_MODE,
          c + " is a shell or server that cluster mode does not support; run it in a pod of its"
              + " own instead");
    });
    if (isPython()) {
      return PYTHON_RUNNER;
    }
    if (isR()) {
      return R_RUNNER;
    }
    return userClass.orElseThrow(() -> new SparkubeException(Failure.INVALID_CONFIG,
        "no main class for " + typed + "; pass --class <fully.qualified.Main> (Sparkube does not"
            + " open the jar to read its manifest)"));
  }

  /**
   * The file name SparkSubmitArguments uses as the default app name (java.io.File#getName on the
   * resolved URI, so "local:///opt/app.jar" gives "app.jar").
   */
  String fileName() {
    var s = uri;
    while (s.length() > 1 && s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.substring(s.lastIndexOf('/') + 1);
  }
}
