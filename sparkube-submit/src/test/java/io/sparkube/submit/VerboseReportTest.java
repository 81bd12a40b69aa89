package io.sparkube.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkube.model.SparkLine;
import io.sparkube.submit.driver.DriverPlanner;
import io.sparkube.submit.driver.TestRequests;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerboseReportTest {

  @Test
  void listsTheResolvedSettingsWithSecretsRedacted() {
    var request = TestRequests.javaApp(Map.of("spark.kubernetes.authenticate.submission.oauthToken", "abc",
        "spark.hadoop.fs.s3a.secret.key", "s3cr3t"));
    var plan = new DriverPlanner(SparkLine.V3_5).plan(request, TestRequests.IDS);

    var lines = VerboseReport.lines(request, SparkLine.V3_5, "3.5.6", plan);

    assertThat(lines).contains("Spark line: 3.5 (version 3.5.6)",
        "Primary resource: local:///opt/spark/examples/jars/spark-examples.jar",
        "  spark.app.name=spark-pi",
        "  spark.kubernetes.authenticate.submission.oauthToken=*********(redacted)",
        "  spark.hadoop.fs.s3a.secret.key=*********(redacted)");
    assertThat(String.join("\n", lines)).doesNotContain("abc").doesNotContain("s3cr3t");
  }
}
