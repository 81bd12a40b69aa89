package io.sparkube.fidelity;

import static org.assertj.core.api.Assertions.fail;

import io.sparkube.model.SparkLine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each Spark line and command line: Spark's own client and ours create the driver's objects
 * on two mock API servers; every field must match except what {@link AllowList} explains.
 */
class FidelityTest {

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("io.sparkube.fidelity.FidelityCases#arguments")
  void ourDriverObjectsEqualSparks(SparkLine line, FidelityCase fidelityCase) {
    var spark = SparkReference.submit(line, fidelityCase.argv(line));
    var ids = SubmissionIdsExtractor.extract(spark);
    var ours = SparkubeRun.submit(line, fidelityCase.sparkubeArgv(line, spark.argv()), ids, submitClock(spark));

    var unexplained = ObjectDiff.unexplained(spark, ours);
    if (!unexplained.isEmpty()) {
      fail("%d difference(s) from Spark %s for '%s'\n  spark created: %s\n  we created:    %s\n%s",
          unexplained.size(), line.referenceVersion(), fidelityCase, spark.summary(),
          ours.summary(), unexplained.stream().map(d -> "  - " + d.describe())
              .collect(Collectors.joining("\n")));
    }
  }

  /** A clock standing at Spark's spark.app.submitTime, so our parser stamps the same value. */
  private static Clock submitClock(CapturedSubmission spark) {
    var millis = Long.parseLong(spark.sparkProperties().get("spark.app.submitTime"));
    return Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }
}
