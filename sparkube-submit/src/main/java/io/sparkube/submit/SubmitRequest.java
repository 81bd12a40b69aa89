package io.sparkube.submit;

import io.sparkube.model.config.Conf;
import java.util.List;
import java.util.Optional;

/**
 * One Spark application to run in cluster mode, as spark-submit hands it to Spark's Kubernetes
 * client: the fully resolved {@code spark.*} conf (flags already folded in), the primary resource,
 * the main class and the application's own arguments.
 */
public record SubmitRequest(
    Conf conf,
    MainAppResource mainAppResource,
    String mainClass,
    List<String> appArgs,
    Optional<String> proxyUser,
    SubmitEnvironment environment) {

  public SubmitRequest {
    appArgs = List.copyOf(appArgs);
  }
}
