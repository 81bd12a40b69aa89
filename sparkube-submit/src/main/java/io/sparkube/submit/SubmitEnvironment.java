package io.sparkube.submit;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the submitting machine contributes besides flags: environment variables (SPARK_USER,
 * SPARK_CONF_DIR, HADOOP_CONF_DIR, PYSPARK_PYTHON ...), the user name and the working directory.
 * Passed in, never read from globals, so a submission is reproducible in tests and the operator.
 */
public record SubmitEnvironment(Map<String, String> variables, String userName, Path workingDir) {

  public SubmitEnvironment {
    variables = Map.copyOf(variables);
  }

  public static SubmitEnvironment current() {
    return new SubmitEnvironment(
        System.getenv(), System.getProperty("user.name"), Path.of("").toAbsolutePath());
  }

  public Optional<String> variable(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  /**
   * The user the driver runs as, as Spark's Utils.getCurrentUserName picks it: SPARK_USER, else
   * the proxy user (spark-submit builds the driver inside the proxy user's doAs), else the
   * submitting user.
   */
  public String sparkUser(Optional<String> proxyUser) {
    return variable("SPARK_USER").or(() -> proxyUser).orElse(userName);
  }
}
