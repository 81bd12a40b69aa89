package io.sparkube.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.sparkube.model.SparkLine;
import io.sparkube.submit.Reporter;
import io.sparkube.submit.SubmitEnvironment;
import io.sparkube.submit.SubmitRequest;
import io.sparkube.submit.args.ParsedSubmit;
import io.sparkube.submit.args.SparkLineResolver;
import io.sparkube.submit.args.SparkSubmitParser;
import io.sparkube.submit.create.DriverCreator;
import io.sparkube.submit.driver.DriverKeys;
import io.sparkube.submit.driver.DriverPlanner;
import io.sparkube.submit.driver.SubmissionIds;
import io.sparkube.submit.identity.AppliedIdentity;
import io.sparkube.submit.identity.HadoopRelease;
import io.sparkube.submit.identity.IdentityBinding;
import io.sparkube.submit.identity.IdentityBindings;
import io.sparkube.submit.identity.IdentityConf;
import io.sparkube.submit.identity.IdentityParser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each Spark line: the driver objects we build for a job with {@code --identity} (Sparkube
 * injecting the token) equal what Spark's own client builds for the same job with the identity
 * written in by hand ({@link HandWrittenIdentity}). The identity adds nothing Spark would not
 * produce from those settings.
 */
class IdentityFidelityTest {
  private static final String SPARK_PI = "org.apache.spark.examples.SparkPi";
  private static final String IRSA = "aws-irsa:arn:aws:iam::123456789012:role/etl-reader";
  private static final String AZURE =
      "azure:3f2504e0-4f89-41d3-9a0c-0305e82c3301@72f988bf-86f1-41af-91ab-2d7cd011db47";
  /** For the parse before Spark runs: what the identity adds does not depend on the API server. */
  private static final String ANY_API_SERVER = "https://kubernetes.default.svc";
  private static final String DRIVER_TEMPLATE_PROPERTY =
      "data[\"spark.properties\"].entries[\"" + DriverKeys.DRIVER_POD_TEMPLATE_FILE.key() + "\"]";

  @TempDir
  Path dir;

  /** SparkPi with the line's image, the user's flags and an identity. */
  record IdentityCase(String name, String identity, Function<SparkLine, List<String>> flags) {
    List<String> userArgv(SparkLine line, List<String> moreFlags) {
      var argv = new ArrayList<>(List.of("--class", SPARK_PI,
          "--conf", "spark.kubernetes.container.image=" + FidelityCases.image(line)));
      argv.addAll(flags.apply(line));
      argv.addAll(moreFlags);
      argv.addAll(List.of(FidelityCases.examplesJar(line), "100"));
      return argv;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> arguments() {
    var cases = List.of(
        new IdentityCase("aws-irsa", IRSA, line -> List.of(
            "--name", "etl-irsa", "--conf", "spark.kubernetes.namespace=data-jobs")),
        new IdentityCase("azure with tenant", AZURE, line -> List.of("--name", "etl-azure")),
        new IdentityCase("aws-irsa and the user's executor template", IRSA, line -> List.of(
            "--conf", "spark.kubernetes.executor.podTemplateFile=" + PodTemplateFiles.EXECUTOR.toAbsolutePath(),
            "--conf", "spark.kubernetes.executor.podTemplateContainerName=spark-executor")),
        new IdentityCase("azure and the user's driver and executor templates", AZURE, line -> List.of(
            "--conf", "spark.kubernetes.driver.podTemplateFile=" + PodTemplateFiles.DRIVER.toAbsolutePath(),
            "--conf", "spark.kubernetes.driver.podTemplateContainerName=spark-driver",
            "--conf", "spark.kubernetes.executor.podTemplateFile=" + PodTemplateFiles.EXECUTOR.toAbsolutePath(),
            "--conf", "spark.kubernetes.executor.podTemplateContainerName=spark-executor")));
    return Stream.of(SparkLine.values()).flatMap(line -> cases.stream().map(c -> Arguments.of(line, c)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("arguments")
  void identityAddsNothingSparkWouldNotBuildFromTheSameSettings(SparkLine line, IdentityCase identityCase) {
    var binding = IdentityBindings.of(
        IdentityParser.parse("--identity", identityCase.identity()), HadoopRelease.bundledWith(line));
    var original = identityCase.userArgv(line, List.of());
    var before = parse(SubmitCommand.argv(ANY_API_SERVER, original), Clock.systemUTC()).request();
    var planned = inject(before, binding);
    var byHand = HandWrittenIdentity.write(before, planned, dir);

    var spark = SparkReference.submit(line, identityCase.userArgv(line, byHand.sparkSubmitFlags()));
    var ids = SubmissionIdsExtractor.extract(spark);
    // The same argv minus what the user wrote by hand: same API server, same everything else.
    var ourArgv = without(spark.argv(), byHand.sparkSubmitFlags());
    var parsed = parse(ourArgv, submitClock(spark));
    var applied = inject(parsed.request(), binding);
    assertThat(HandWrittenIdentity.addedConf(parsed.request(), applied)).isEqualTo(byHand.conf());
    assertThat(applied.request().templates()).isEqualTo(planned.request().templates());
    var ours = create(line, parsed, applied.request(), ids, ourArgv);

    var templateFileSetting = templateFileSetting(byHand, parsed.request());
    var unexplained = ObjectDiff.unexplained(spark, ours).stream()
        .filter(d -> !templateFileSetting.covers(d)).toList();
    if (!unexplained.isEmpty()) {
      fail("%d difference(s) from Spark %s for '%s' with %s written by hand as\n  %s\n  spark created: %s\n"
              + "  we created:    %s\n%s",
          unexplained.size(), line.referenceVersion(), identityCase, identityCase.identity(),
          String.join(" ", byHand.sparkSubmitFlags()), spark.summary(), ours.summary(),
          unexplained.stream().map(d -> "  - " + d.describe()).collect(Collectors.joining("\n")));
    }
  }

  /**
   * The one setting that differs by construction: the hand-written job names the file it wrote
   * the driver template to, ours keeps what the user gave (if anything). Only Spark's client reads
   * it; the driver never does.
   */
  private static AllowList.Entry templateFileSetting(HandWrittenIdentity byHand, SubmitRequest userRequest) {
    var written = byHand.driverTemplate().map(Path::toString).orElse(null);
    var users = userRequest.conf().rawOf(DriverKeys.DRIVER_POD_TEMPLATE_FILE).orElse(null);
    return new AllowList.Entry("ConfigMap", DRIVER_TEMPLATE_PROPERTY,
        (spark, ours) -> spark != null && spark.asText().equals(written)
            && (ours == null ? users == null : ours.asText().equals(users)),
        "the hand-written job's own driver template file");
  }

  private static AppliedIdentity inject(SubmitRequest request, IdentityBinding binding) {
    return new IdentityConf(Reporter.SILENT).apply(request, binding, true);
  }

  private static ParsedSubmit parse(List<String> argv, Clock clock) {
    return new SparkSubmitParser(Reporter.SILENT, clock).parse(argv, SubmitEnvironment.current());
  }

  // What SparkubeRun.submit does after parsing; it has no way to apply the identity in between.
  private static CapturedSubmission create(
      SparkLine line, ParsedSubmit parsed, SubmitRequest request, SubmissionIds ids, List<String> argv) {
    var sparkVersion = parsed.options().sparkVersion();
    assertThat(SparkLineResolver.resolve(sparkVersion, request.conf())).isEqualTo(line);
    var plan = new DriverPlanner(line, SparkLineResolver.release(line, sparkVersion, request.conf()))
        .plan(request, ids);
    try (var server = MockApiServer.start(); var client = server.newClient()) {
      new DriverCreator(client, Reporter.SILENT).create(plan);
      return new CapturedSubmission(argv, server.writtenObjects(), server.writes());
    }
  }

  /** Stands at Spark's spark.app.submitTime, as FidelityTest's clock does. */
  private static Clock submitClock(CapturedSubmission spark) {
    var millis = Long.parseLong(spark.sparkProperties().get("spark.app.submitTime"));
    return Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }

  private static List<String> without(List<String> argv, List<String> part) {
    var at = Collections.indexOfSubList(argv, part);
    if (at < 0) {
      throw new IllegalStateException("Spark's argv lacks " + part);
    }
    var rest = new ArrayList<>(argv.subList(0, at));
    rest.addAll(argv.subList(at + part.size(), argv.size()));
    return rest;
  }
}
