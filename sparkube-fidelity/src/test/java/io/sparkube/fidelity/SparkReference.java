package io.sparkube.fidelity;

import io.sparkube.model.SparkLine;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * Spark's own answer: runs the real {@code SparkSubmit} of a Spark line against a fresh mock API
 * server and captures every object Spark's Kubernetes client created there.
 */
final class SparkReference {
  private static final String LOG_CONFIG_PROPERTY = "log4j2.configurationFile";

  static {
    // Only Spark's loaders contain log4j-core, so this reaches Spark alone; WARN keeps test output
    // readable, and Spark keeps a configuration it did not install itself.
    if (System.getProperty(LOG_CONFIG_PROPERTY) == null) {
      System.setProperty(LOG_CONFIG_PROPERTY, resource("spark-log4j2.properties").toString());
    }
  }

  private SparkReference() {}

  /** @param userArgv spark-submit's arguments without --master and --deploy-mode */
  static CapturedSubmission submit(SparkLine line, List<String> userArgv) {
    var spark = SparkRuntime.loader(line);
    try (var server = MockApiServer.start()) {
      var argv = SubmitCommand.argv(server.url(), userArgv);
      SparkSubmitLauncher.main(spark, argv);
      return new CapturedSubmission(argv, server.writtenObjects(), server.writes());
    }
  }

  private static Path resource(String name) {
    try {
      return Path.of(SparkReference.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
