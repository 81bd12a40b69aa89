package io.sparkube.submit.args;

import io.sparkube.submit.RecordingReporter;
import static io.sparkube.submit.args.Submissions.parse;
import static io.sparkube.submit.args.Submissions.argv;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegacyAliasesTest {
  private final RecordingReporter reporter = new RecordingReporter();

  private Map<String, String> apply(String... pairs) {
    var in = new LinkedHashMap<String, String>();
    for (int i = 0; i < pairs.length; i += 2) {
      in.put(pairs[i], pairs[i + 1]);
    }
    return new LegacyAliases(reporter).apply(in);
  }

  @Test
  void dockerImageKeysMoveToContainerImageKeys() {
    var out = apply("spark.kubernetes.driver.docker.image", "d:1", "spark.kubernetes.executor.docker.image", "e:1");

    assertThat(out).containsOnly(
        Map.entry("spark.kubernetes.driver.container.image", "d:1"),
        Map.entry("spark.kubernetes.executor.container.image", "e:1"));
    assertThat(reporter.warnings).containsExactly(
        "spark.kubernetes.driver.docker.image is deprecated; use spark.kubernetes.driver.container.image=d:1",
        "spark.kubernetes.executor.docker.image is deprecated; use spark.kubernetes.executor.container.image=e:1");
  }

  @Test
  void initContainerImagesAreDroppedWithAnExplanation() {
    var out = apply("spark.kubernetes.initcontainer.docker.image", "i:1", "spark.other", "x");

    assertThat(out).containsOnly(Map.entry("spark.other", "x"));
    assertThat(reporter.warnings).singleElement().asString()
        .contains("init-containers are no longer needed").contains("Spark fetches dependencies itself");
  }

  @Test
  void todaysKeyWinsOverAnOldOne() {
    var out = apply("spark.kubernetes.driver.container.image", "new:1", "spark.kubernetes.driver.docker.image", "old:1");

    assertThat(out).containsOnly(Map.entry("spark.kubernetes.driver.container.image", "new:1"));
    assertThat(reporter.warnings).singleElement().asString().contains("ignored");
  }

  @Test
  void theNamespaceFlagIsAnAliasWithOneWarning() {
    var parsed = Submissions.parse(reporter, argv("--kubernetes-namespace", "jobs", "--class", "Main", "local:///a.jar"));

    assertThat(parsed.request().conf().raw("spark.kubernetes.namespace")).contains("jobs");
    assertThat(reporter.warnings).containsExactly(
        "--kubernetes-namespace is deprecated; use --conf spark.kubernetes.namespace=jobs");
  }

  @Test
  void aliasesFromConfReachTheResolvedConf() {
    var conf = parse("--conf", "spark.kubernetes.driver.docker.image=d:2", "--class", "Main", "local:///a.jar")
        .request().conf();

    assertThat(conf.raw("spark.kubernetes.driver.container.image")).contains("d:2");
    assertThat(conf.containsRaw("spark.kubernetes.driver.docker.image")).isFalse();
  }
}
