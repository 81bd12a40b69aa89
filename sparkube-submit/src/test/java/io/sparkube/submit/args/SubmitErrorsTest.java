package io.sparkube.submit.args;

import io.sparkube.submit.RecordingReporter;
import static io.sparkube.submit.args.Submissions.CLOCK;
import static io.sparkube.submit.args.Submissions.env;
import static io.sparkube.submit.args.Submissions.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SubmitErrorsTest {
  private static final String JAR = "local:///opt/app.jar";

  private static void fails(Failure failure, String messagePart, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(SparkubeException.class)
        .satisfies(e -> assertThat(((SparkubeException) e).failure()).isEqualTo(failure))
        .hasMessageContaining(messagePart)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void anUnknownFlagNamesTheNearestKnownOne() {
    fails(Failure.UNKNOWN_FLAG, "did you mean --executor-memory?",
        () -> parse("--executor-memroy", "2g", "--class", "Main", JAR));
  }

  @Test
  void aFlagWithoutItsValueIsMalformed() {
    fails(Failure.UNKNOWN_FLAG, "--class needs a value", () -> parse("--class"));
  }

  @Test
  void confWithoutEqualsIsMalformed() {
    fails(Failure.UNKNOWN_FLAG, "--conf spark.executor.instances has no '='",
        () -> parse("--conf", "spark.executor.instances", "--class", "Main", JAR));
  }

  @Test
  void anEmptyEqualsValueIsNotAFlagValue() {
    // spark-submit's "(--[^=]+)=(.+)" needs a value after '=', so "--conf=" is an unknown flag.
    fails(Failure.UNKNOWN_FLAG, "unknown flag --conf=", () -> parse("--conf=", "--class", "Main", JAR));
  }

  @Test
  void noPrimaryResource() {
    fails(Failure.MISSING_PRIMARY_RESOURCE, "spark-internal", () -> parse("--class", "Main"));
  }

  @Test
  void clientModeIsRefusedWithTheFix() {
    fails(Failure.UNSUPPORTED_MODE, "use --deploy-mode cluster",
        () -> parse("--deploy-mode", "client", "--class", "Main", JAR));
    fails(Failure.UNSUPPORTED_MODE, "client deploy mode",
        () -> parse("--conf", "spark.submit.deployMode=client", "--class", "Main", JAR));
  }

  @Test
  void aBadDeployModeIsInvalid() {
    fails(Failure.INVALID_CONFIG, "neither client nor cluster",
        () -> parse("--deploy-mode", "remote", "--class", "Main", JAR));
  }

  @ParameterizedTest
  @CsvSource({
      "--total-executor-cores, 4, --num-executors",
      "--queue, etl, spark.kubernetes.scheduler.name",
      "--kill, spark-pi-123, sparkube kill spark-pi-123",
      "--status, spark-pi-123, sparkube status spark-pi-123",
      "--remote, sc://host, Spark Connect"})
  void flagsWithNoMeaningOnKubernetesAreRefused(String flag, String value, String hint) {
    fails(Failure.UNSUPPORTED_MODE, hint, () -> parse(flag, value, "--class", "Main", JAR));
  }

  @Test
  void superviseAndVersionAreRefused() {
    fails(Failure.UNSUPPORTED_MODE, "standalone", () -> parse("--supervise", "--class", "Main", JAR));
    fails(Failure.UNSUPPORTED_MODE, "sparkube version", () -> parse("--version"));
  }

  @Test
  void shellsCannotRunInClusterMode() {
    fails(Failure.UNSUPPORTED_MODE, "interactive shell", () -> parse("pyspark-shell"));
  }

  @Test
  void aJvmAppNeedsAMainClass() {
    fails(Failure.INVALID_CONFIG, "pass --class", () -> parse(JAR));
  }

  @Test
  void aMasterThatIsNotKubernetesIsUnknown() {
    fails(Failure.UNKNOWN_MASTER, "k8s://https://",
        () -> new SparkSubmitParser(new RecordingReporter(), CLOCK)
            .parse(List.of("--master", "yarn", "--class", "Main", JAR), env()));
    fails(Failure.UNKNOWN_MASTER, "ftp://x",
        () -> new SparkSubmitParser(new RecordingReporter(), CLOCK)
            .parse(List.of("--master", "k8s://ftp://x", "--class", "Main", JAR), env()));
  }

  @Test
  void globsOnHadoopFileSystemsAreRefused() {
    fails(Failure.INVALID_CONFIG, "glob", () -> parse("--jars", "s3a://bucket/libs/*.jar", "--class", "Main", JAR));
  }

  @ParameterizedTest
  @CsvSource({
      "--driver-memory, 0, driver memory",
      "--executor-memory, lots, executor memory",
      "--driver-cores, -1, driver cores",
      "--executor-cores, 1.5, executor cores",
      "--num-executors, 0, number of executors"})
  void resourceAmountsMustBePositive(String flag, String value, String what) {
    fails(Failure.INVALID_CONFIG, what, () -> parse(flag, value, "--class", "Main", JAR));
  }

  @Test
  void zeroExecutorsAreFineWithDynamicAllocation() {
    assertThat(parse("--conf", "spark.dynamicAllocation.enabled=true", "--num-executors", "0",
        "--class", "Main", JAR).request().conf().raw("spark.executor.instances")).contains("0");
  }

  @Test
  void proxyUserAndPrincipalExcludeEachOther() {
    fails(Failure.INVALID_CONFIG, "only one of --proxy-user or --principal",
        () -> parse("--proxy-user", "bob", "--principal", "bob@REALM", "--class", "Main", JAR));
  }

  @Test
  void aKerberosLoginAtSubmissionIsRefused() {
    fails(Failure.UNSUPPORTED_MODE, "Kerberos login",
        () -> parse("--principal", "bob@REALM", "--keytab", "/home/bob/bob.keytab", "--class", "Main", JAR));
    assertThat(parse("--principal", "bob@REALM", "--keytab", "local:///etc/bob.keytab", "--class", "Main", JAR)
        .request().conf().asMap())
        .containsEntry("spark.kerberos.principal", "bob@REALM")
        .containsEntry("spark.kerberos.keytab", "local:///etc/bob.keytab");
  }

  @Test
  void sparkConnectSettingsAreRefused() {
    fails(Failure.UNSUPPORTED_MODE, "Spark Connect",
        () -> new SparkSubmitParser(new RecordingReporter(), CLOCK).parse(
            Submissions.argv("--class", "Main", JAR), env(Map.of("SPARK_REMOTE", "sc://x"))));
  }

  @Test
  void aBadWaitSettingNamesTheKey() {
    fails(Failure.INVALID_CONFIG, "spark.kubernetes.submission.waitAppCompletion",
        () -> parse("--conf", "spark.kubernetes.submission.waitAppCompletion=maybe", "--class", "Main", JAR));
  }
}
