package io.sparkube.submit.args;

import io.sparkube.submit.RecordingReporter;
import static io.sparkube.submit.args.Submissions.CLOCK;
import static io.sparkube.submit.args.Submissions.IMAGE;
import static io.sparkube.submit.args.Submissions.MASTER;
import static io.sparkube.submit.args.Submissions.NOW;
import static io.sparkube.submit.args.Submissions.argv;
import static io.sparkube.submit.args.Submissions.env;
import static io.sparkube.submit.args.Submissions.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.sparkube.submit.MainAppResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SparkSubmitParserTest {
  private static final String EXAMPLES = "local:///opt/spark/examples/jars/spark-examples.jar";

  @Test
  void sparkPiGivesTheConfSparkSubmitHandsToTheKubernetesClient() {
    var parsed = parse("--deploy-mode", "cluster", "--name", "spark-pi",
        "--class", "org.apache.spark.examples.SparkPi", "--conf", "spark.executor.instances=2",
        EXAMPLES, "1000");

    assertThat(parsed.request().conf().asMap()).containsOnly(
        entry("spark.kubernetes.container.image", IMAGE),
        entry("spark.executor.instances", "2"),
        entry("spark.master", MASTER),
        entry("spark.submit.deployMode", "cluster"),
        entry("spark.app.name", "spark-pi"),
        entry("spark.jars", EXAMPLES),
        entry("spark.submit.pyFiles", ""),
        entry("spark.app.submitTime", Long.toString(NOW)));
    assertThat(parsed.request().mainAppResource()).isEqualTo(new MainAppResource.JavaResource(Optional.of(EXAMPLES)));
    assertThat(parsed.request().mainClass()).isEqualTo("org.apache.spark.examples.SparkPi");
    assertThat(parsed.request().appArgs()).containsExactly("1000");
    assertThat(parsed.request().proxyUser()).isEmpty();
  }

  @Test
  void everythingAfterThePrimaryResourceBelongsToTheApplication() {
    var parsed = parse("--class", "Main", EXAMPLES, "--conf", "x=y", "--verbose", "-h", "plain");

    assertThat(parsed.request().appArgs()).containsExactly("--conf", "x=y", "--verbose", "-h", "plain");
    assertThat(parsed.options().verbose()).isFalse();
    assertThat(parsed.request().conf().containsRaw("x")).isFalse();
  }

  @Test
  void everySubmitFlagLandsOnItsSparkKey() {
    var conf = parse(
        "--class", "Main", "--name", "etl",
        "--jars", "https://repo.example.com/a.jar,local:///opt/b.jar",
        "--files", "s3a://bucket/data.csv", "--archives", "https://x.example.com/env.tgz#env",
        "--packages", "org.example:lib:1.0", "--repositories", "https://repo.example.com/maven",
        "--exclude-packages", "org.slf4j:slf4j-api",
        "--driver-memory", "2g", "--driver-cores", "2", "--driver-java-options", "-Dx=1 -Dy=2",
        "--driver-class-path", "/opt/extra/*", "--driver-library-path", "/opt/native",
        "--executor-memory", "4g", "--executor-cores", "3", "--num-executors", "5",
        "--conf", "spark.jars.ivy=/tmp/ivy",
        EXAMPLES).request().conf().asMap();

    assertThat(conf).contains(
        entry("spark.app.name", "etl"),
        entry("spark.jars", "https://repo.example.com/a.jar,local:///opt/b.jar," + EXAMPLES),
        entry("spark.files", "s3a://bucket/data.csv"),
        entry("spark.archives", "https://x.example.com/env.tgz#env"),
        entry("spark.jars.packages", "org.example:lib:1.0"),
        entry("spark.jars.repositories", "https://repo.example.com/maven"),
        entry("spark.jars.excludes", "org.slf4j:slf4j-api"),
        entry("spark.jars.ivy", "/tmp/ivy"),
        entry("spark.driver.memory", "2g"),
        entry("spark.driver.cores", "2"),
        entry("spark.driver.extraJavaOptions", "-Dx=1 -Dy=2"),
        entry("spark.driver.extraClassPath", "/opt/extra/*"),
        entry("spark.driver.extraLibraryPath", "/opt/native"),
        entry("spark.executor.memory", "4g"),
        entry("spark.executor.cores", "3"),
        entry("spark.executor.instances", "5"));
  }

  @Test
  void flagsBeatConfAndConfBeatsNothing() {
    var conf = parse("--class", "Main", "--conf", "spark.executor.memory=1g", "--executor-memory", "8g",
        "--conf", "spark.app.name=from-conf", "--name", "from-flag",
        "--conf", "spark.driver.cores=4", EXAMPLES).request().conf();

    assertThat(conf.raw("spark.executor.memory")).contains("8g");
    assertThat(conf.raw("spark.app.name")).contains("from-flag");
    assertThat(conf.raw("spark.driver.cores")).contains("4");
  }

  @Test
  void laterValuesOfARepeatedFlagWin() {
    var conf = parse("--class", "Main", "--conf", "spark.a=1", "--conf", "spark.a=2",
        "--executor-memory", "1g", "--executor-memory", "2g", EXAMPLES).request().conf();

    assertThat(conf.raw("spark.a")).contains("2");
    assertThat(conf.raw("spark.executor.memory")).contains("2g");
  }

  @Test
  void equalsFormAndShortAliasesWorkAsInSparkSubmit() {
    var parsed = parse("--class=Main", "-c", "spark.x=1", "--conf=spark.y=a=b", "-v", EXAMPLES);

    assertThat(parsed.request().mainClass()).isEqualTo("Main");
    assertThat(parsed.request().conf().asMap()).contains(entry("spark.x", "1"), entry("spark.y", "a=b"));
    assertThat(parsed.options().verbose()).isTrue();
  }

  @Test
  void confWithAnEmptyValueIsKept() {
    assertThat(parse("--class", "Main", "--conf", "spark.empty=", EXAMPLES).request().conf().raw("spark.empty"))
        .contains("");
  }

  @Test
  void theAppNameDefaultsToTheMainClassThenTheResourceFileName() {
    assertThat(parse("--class", "org.example.Job", EXAMPLES).request().conf().raw("spark.app.name"))
        .contains("org.example.Job");
    assertThat(parse("local:///opt/app/job.py").request().conf().raw("spark.app.name")).contains("job.py");
  }

  @Test
  void pythonRunsThroughPythonRunnerAndKeepsJarsUntouched() {
    var parsed = parse("--py-files", "local:///opt/lib.zip,https://x.example.com/util.py",
        "local:///opt/app/job.py", "--day", "monday");

    assertThat(parsed.request().mainAppResource()).isEqualTo(new MainAppResource.PythonResource("local:///opt/app/job.py"));
    assertThat(parsed.request().mainClass()).isEqualTo("org.apache.spark.deploy.PythonRunner");
    assertThat(parsed.request().appArgs()).containsExactly("--day", "monday");
    assertThat(parsed.request().conf().asMap())
        .contains(entry("spark.submit.pyFiles", "local:///opt/lib.zip,https://x.example.com/util.py"))
        .doesNotContainKey("spark.jars");
  }

  @Test
  void rScriptsRunThroughRRunner() {
    var parsed = parse("local:///opt/app/report.R");

    assertThat(parsed.request().mainAppResource()).isEqualTo(new MainAppResource.RResource("local:///opt/app/report.R"));
    assertThat(parsed.request().mainClass()).isEqualTo("org.apache.spark.deploy.RRunner");
  }

  @Test
  void sparkInternalRunsAClassFromTheImageWithNoJar() {
    var parsed = parse("--class", "org.example.InImage", "spark-internal", "a");

    assertThat(parsed.request().mainAppResource()).isEqualTo(new MainAppResource.JavaResource(Optional.empty()));
    assertThat(parsed.request().conf().raw("spark.jars")).contains("");
    assertThat(parsed.request().appArgs()).containsExactly("a");
  }

  @Test
  void proxyUserIsAClientArgument() {
    assertThat(parse("--class", "Main", "--proxy-user", "bob", EXAMPLES).request().proxyUser()).contains("bob");
  }

  @Test
  void theMasterIsNormalisedAsSparkSubmitStoresIt() {
    var reporter = new RecordingReporter();
    var parsed = new SparkSubmitParser(reporter, CLOCK).parse(
        List.of("--master", "k8s://kube.example.com:6443", "--class", "Main", EXAMPLES), env());

    assertThat(parsed.request().conf().raw("spark.master")).contains("k8s://https://kube.example.com:6443");
    assertThat(parsed.options().master()).contains("k8s://kube.example.com:6443");
  }

  @Test
  void theMasterMayComeFromConfOrTheEnvironmentOrNowhere() {
    var parser = new SparkSubmitParser(new RecordingReporter(), CLOCK);
    var fromEnv = parser.parse(List.of("--class", "Main", EXAMPLES), env(Map.of("MASTER", "k8s://http://127.0.0.1:8080")));
    var none = parser.parse(List.of("--class", "Main", EXAMPLES), env());

    assertThat(fromEnv.request().conf().raw("spark.master")).contains("k8s://http://127.0.0.1:8080");
    assertThat(none.request().conf().containsRaw("spark.master")).isFalse();
    assertThat(none.options().master()).isEmpty();
  }

  @Test
  void environmentVariablesFillWhatFlagsAndConfLeaveOpen() {
    var parsed = new SparkSubmitParser(new RecordingReporter(), CLOCK).parse(argv("--class", "Main", EXAMPLES),
        env(Map.of("SPARK_DRIVER_MEMORY", "3g", "SPARK_EXECUTOR_MEMORY", "5g", "SPARK_EXECUTOR_CORES", "2")));

    assertThat(parsed.request().conf().asMap()).contains(
        entry("spark.driver.memory", "3g"), entry("spark.executor.memory", "5g"), entry("spark.executor.cores", "2"));
  }

  @Test
  void theDriverHostIsDroppedAndTheSubmitTimeKeptWhenGiven() {
    var conf = parse("--class", "Main", "--conf", "spark.driver.host=laptop",
        "--conf", "spark.app.submitTime=42", EXAMPLES).request().conf();

    assertThat(conf.containsRaw("spark.driver.host")).isFalse();
    assertThat(conf.raw("spark.app.submitTime")).contains("42");
  }

  @Test
  void confJarsAreTrimmedAndThePrimaryJarAppended() {
    assertThat(parse("--class", "Main", "--conf", "spark.jars= local:///a.jar ,,local:///b.jar", EXAMPLES)
        .request().conf().raw("spark.jars"))
        .contains("local:///a.jar,local:///b.jar," + EXAMPLES);
  }

  @Test
  void noWaitTurnsOffWaitingLikeTheSparkSetting() {
    var noWait = parse("--no-wait", "--class", "Main", EXAMPLES);
    var byConf = parse("--conf", "spark.kubernetes.submission.waitAppCompletion=false", "--class", "Main", EXAMPLES);

    assertThat(noWait.options().waitForCompletion()).isFalse();
    assertThat(noWait.request().conf().raw("spark.kubernetes.submission.waitAppCompletion")).contains("false");
    assertThat(byConf.options().waitForCompletion()).isFalse();
    assertThat(parse("--class", "Main", EXAMPLES).options().waitForCompletion()).isTrue();
  }

  @Test
  void sparkubeOwnFlagsFillTheOptions() {
    var options = parse("--dry-run", "--spark-version", "4.0", "--kubeconfig", "/tmp/kc",
        "--context", "prod", "--class", "Main", EXAMPLES).options();

    assertThat(options.dryRun()).isTrue();
    assertThat(options.sparkVersion()).contains("4.0");
    assertThat(options.kubeconfig()).contains("/tmp/kc");
    assertThat(options.context()).contains("prod");
  }

  @Test
  void sparksOwnContextSettingStaysInTheConfForTheConnector() {
    var parsed = parse("--conf", "spark.kubernetes.context=staging", "--class", "Main", EXAMPLES);
    assertThat(parsed.options().context()).isEmpty();
    assertThat(parsed.request().conf().raw("spark.kubernetes.context")).contains("staging");
  }

  @Test
  void theEnvironmentTravelsWithTheRequest() {
    var env = env(Map.of("SPARK_USER", "carol"));
    var parsed = new SparkSubmitParser(new RecordingReporter(), CLOCK).parse(argv("--class", "Main", EXAMPLES), env);

    assertThat(parsed.request().environment()).isEqualTo(env);
  }

  @Test
  void helpIsRecognisedBeforeTheResourceOnly() {
    assertThat(SparkSubmitParser.helpRequested(List.of("--master", "k8s://x", "--help"))).isTrue();
    assertThat(SparkSubmitParser.helpRequested(List.of("-h"))).isTrue();
    assertThat(SparkSubmitParser.helpRequested(List.of("--name", "--help", "app.jar"))).isFalse();
    assertThat(SparkSubmitParser.helpRequested(List.of("app.jar", "--help"))).isFalse();
  }
}
