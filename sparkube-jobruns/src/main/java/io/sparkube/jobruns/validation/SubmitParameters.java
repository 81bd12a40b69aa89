package io.sparkube.jobruns.validation;

import io.sparkube.jobruns.error.ApiException;
import io.sparkube.model.config.Conf;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.Reporter;
import io.sparkube.submit.SubmitEnvironment;
import io.sparkube.submit.args.SparkSubmitParser;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a job driver as spark-submit would: sparkSubmitParameters split as a shell splits them,
 * then the flags, the Spark settings and the entry point read by the same parser the CLI and the
 * operator use, so a run the API accepts is one they can submit, and a refusal carries the
 * parser's own one-line message.
 */
public final class SubmitParameters {
  /** Nothing from the API server's own environment may leak into a run: no variables, no files. */
  private static final SubmitEnvironment NO_ENVIRONMENT = new SubmitEnvironment(Map.of(), "sparkube", Path.of("/"));
  /**
   * Flags that read files on the API server's machine, or choose what the virtual cluster and the
   * release label decide, or mean nothing for a job run.
   */
  private static final Set<String> REFUSED_FLAGS = Set.of("--properties-file", "--load-spark-defaults",
      "--kubeconfig", "--context", "--spark-version", "--dry-run", "--no-wait", "--help", "-h");

  private final SparkSubmitParser parser;

  public SubmitParameters(Clock clock) {
    this.parser = new SparkSubmitParser(Reporter.SILENT, clock);
  }

  /**
   * The settings spark-submit would give Spark for this driver and these overrides.
   *
   * @param sparkConf settings from applicationConfiguration, read as --conf flags after the parameters
   */
  public Conf check(String parameters, String entryPoint, List<String> arguments, Map<String, String> sparkConf) {
    var words = parameters == null ? List.<String>of() : words(parameters);
    words.forEach(SubmitParameters::refuse);
    var argv = new ArrayList<>(words);
    sparkConf.forEach((key, value) -> {
      argv.add("--conf");
      argv.add(key + "=" + value);
    });
    argv.add(entryPoint);
    argv.addAll(arguments);
    try {
      var parsed = parser.parse(argv, NO_ENVIRONMENT);
      if (!parsed.request().appArgs().equals(arguments)) {
        throw ApiException.validation("sparkSubmitParameters holds an argument that is neither a flag nor a"
            + " flag's value; put the application in jobDriver.sparkSubmitJobDriver.entryPoint and its"
            + " arguments in entryPointArguments");
      }
      return parsed.request().conf();
    } catch (ApiException e) {
      throw e;
    } catch (SparkubeException e) {
      throw ApiException.validation("sparkSubmitParameters: " + e.getMessage());
    }
  }

  /** Split exactly as the operator splits them when it submits the run. */
  private static List<String> words(String parameters) {
    try {
      var words = io.sparkube.submit.args.SubmitParameters.split(parameters);
      io.sparkube.submit.args.SubmitParameters.requireServerSafe(words);
      return words;
    } catch (SparkubeException e) {
      throw ApiException.validation(e.getMessage());
    }
  }

  private static void refuse(String word) {
    var flag = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
    if (REFUSED_FLAGS.contains(flag)) {
      throw ApiException.validation("sparkSubmitParameters: " + flag + " is not accepted in a job run: the"
          + " virtual cluster, the release label and configurationOverrides decide what it would; set Spark"
          + " settings with --conf or the spark-defaults classification");
    }
  }
}
