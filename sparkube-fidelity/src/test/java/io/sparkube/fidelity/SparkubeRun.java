package io.sparkube.fidelity;

import io.sparkube.model.SparkLine;
import io.sparkube.submit.Reporter;
import io.sparkube.submit.SubmitEnvironment;
import io.sparkube.submit.args.SparkLineResolver;
import io.sparkube.submit.args.SparkSubmitParser;
import io.sparkube.submit.create.DriverCreator;
import io.sparkube.submit.driver.DriverPlanner;
import io.sparkube.submit.driver.SubmissionIds;
import java.time.Clock;
import java.util.List;

/**
 * Our answer to the same command line: our parser, our planner given Spark's random ids, and our
 * creator against a fresh mock API server, read back exactly as {@link SparkReference} reads.
 */
final class SparkubeRun {
  private SparkubeRun() {}

  /**
   * @param argv the full argv Spark received, so --master (and thus spark.master) is the same
   * @param submitClock stands at Spark's spark.app.submitTime, the one value SparkSubmit takes
   *     from the clock
   */
  static CapturedSubmission submit(
      SparkLine line, List<String> argv, SubmissionIds ids, Clock submitClock) {
    var parsed = new SparkSubmitParser(Reporter.SILENT, submitClock)
        .parse(argv, SubmitEnvironment.current());
    // The line and version come from the command line, as in sparkube submit: the image tag or
    // --spark-version must name the line under test, and the version lands in spark-version.
    var conf = parsed.request().conf();
    var resolved = SparkLineResolver.resolve(parsed.options().sparkVersion(), conf);
    if (resolved != line) {
      throw new AssertionError("the command line names Spark " + resolved + ", not " + line);
    }
    var version = SparkLineResolver.release(line, parsed.options().sparkVersion(), conf);
    var plan = new DriverPlanner(line, version).plan(parsed.request(), ids);
    try (var server = MockApiServer.start(); var client = server.newClient()) {
      new DriverCreator(client, Reporter.SILENT).create(plan);
      return new CapturedSubmission(argv, server.writtenObjects(), server.writes());
    }
  }
}
