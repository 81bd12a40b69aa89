package io.sparkube.submit;

import io.sparkube.model.config.Conf;
import io.sparkube.submit.driver.PodTemplateTexts;
import java.util.List;
import java.util.Optional;

/**
 * One Spark application to run in cluster mode, as spark-submit hands it to Spark's Kubernetes
 * client: the fully resolved {@code spark.*} conf (flags already folded in), the primary resource,
 * the main class and the application's own arguments. {@code templates} carries pod templates
 * Sparkube prepared in memory, which take the place of the template files' content.
 */
public record SubmitRequest(
    Conf conf,
    MainAppResource mainAppResource,
    String mainClass,
    List<String> appArgs,
    Optional<String> proxyUser,
    SubmitEnvironment environment,
    PodTemplateTexts templates) {

  public SubmitRequest {
    appArgs = List.copyOf(appArgs);
  }

  public SubmitRequest(Conf conf, MainAppResource mainAppResource, String mainClass, List<String> appArgs,
      Optional<String> proxyUser, SubmitEnvironment environment) {
    this(conf, mainAppResource, mainClass, appArgs, proxyUser, environment, PodTemplateTexts.NONE);
  }

  public SubmitRequest withConf(Conf newConf) {
    return new SubmitRequest(newConf, mainAppResource, mainClass, appArgs, proxyUser, environment, templates);
  }

  public SubmitRequest withTemplates(PodTemplateTexts newTemplates) {
    return new SubmitRequest(conf, mainAppResource, mainClass, appArgs, proxyUser, environment, newTemplates);
  }
}
