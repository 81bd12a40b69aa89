package io.sparkube.cli.jobruns;

import io.sparkube.cli.Terminal;
import io.sparkube.jobruns.wire.Configuration;
import io.sparkube.jobruns.wire.ConfigurationOverrides;
import io.sparkube.jobruns.wire.JobDriver;
import io.sparkube.jobruns.wire.JobDriver.SparkSubmitJobDriver;
import io.sparkube.jobruns.wire.Results;
import io.sparkube.jobruns.wire.RetryPolicyConfiguration;
import io.sparkube.jobruns.wire.StartJobRunRequest;
import io.sparkube.resources.JobRunState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sparkube jobs start ENTRY_POINT [ARGS...]}: StartJobRun with a spark-submit job driver. */
@Command(name = "start", mixinStandardHelpOptions = true,
    description = {"Start a job run of an application, as spark-submit would run it, and print its id.",
        "Everything after ENTRY_POINT belongs to the application."})
final class StartCommand extends JobRunsCommand {
  private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
  private static final String SPARK_DEFAULTS = "spark-defaults";

  @Option(names = "--name", paramLabel = "NAME", description = "the run's name")
  String name;

  @Option(names = "--client-token", paramLabel = "TOKEN",
      description = "starting again with the same token gives the same run; default: a random UUID")
  String clientToken;

  @Option(names = "--release-label", paramLabel = "LABEL", defaultValue = "emr-spark-8.0.0-latest",
      description = "the EMR release, which picks the Spark line; default ${DEFAULT-VALUE} (Spark 4.0)")
  String releaseLabel;

  @Option(names = "--execution-role-arn", paramLabel = "ARN",
      description = "the IAM role the run runs as; required (on the local cluster any role ARN will do)")
  String executionRoleArn;

  @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting (spark-defaults); repeatable")
  Map<String, String> conf = new LinkedHashMap<>();

  @Option(names = "--spark-submit-parameters", paramLabel = "FLAGS",
      description = "spark-submit flags in one string, e.g. '--num-executors 2 --driver-memory 1g'")
  String sparkSubmitParameters;

  @Option(names = "--class", paramLabel = "CLASS", description = "the application's main class")
  String mainClass;

  @Option(names = "--retries", paramLabel = "N",
      description = "retry a failed run up to N times (retryPolicyConfiguration.maxAttempts N+1)")
  Integer retries;

  @Option(names = "--wait", description = "follow the run to its end; exit 0 when COMPLETED, 1 when FAILED or"
      + " CANCELLED")
  boolean await;

  @Parameters(index = "0", paramLabel = "ENTRY_POINT",
      description = "the application (jar, .py, .R): local:// in the image, or a remote URI")
  String entryPoint;

  @Parameters(index = "1..*", paramLabel = "ARGS", description = "the application's arguments")
  List<String> arguments = new ArrayList<>();

  StartCommand(Terminal terminal) {
    super(terminal);
  }

  @Override
  void checkFlags() {
    if (executionRoleArn == null) {
      throw badFlag("jobs start needs --execution-role-arn ARN, the IAM role the run runs as: the job-runs API"
          + " requires one (on the local cluster any role ARN will do, e.g. arn:aws:iam::111122223333:role/spark)");
    }
    if (retries != null && retries < 0) {
      throw badFlag("--retries takes 0 or more, not " + retries);
    }
  }

  @Override
  int run(JobRunsClient client) throws InterruptedException {
    var answer = client.start(request());
    var started = answer.as(Results.StartJobRun.class);
    terminal.out().println(json() ? answer.body() : started.id());
    if (!await) {
      return 0;
    }
    terminal.out().flush();
    var ended = new RunWatcher(client, POLL_INTERVAL, terminal.err()::println).awaitEnd(started.id());
    return JobRunState.COMPLETED.name().equals(ended.state()) ? 0 : 1;
  }

  StartJobRunRequest request() {
    var driver = new SparkSubmitJobDriver(entryPoint, arguments.isEmpty() ? null : List.copyOf(arguments),
        submitParameters());
    var overrides = conf.isEmpty() ? null
        : new ConfigurationOverrides(List.of(new Configuration(SPARK_DEFAULTS, conf, null)), null);
    var retryPolicy = retries == null ? null : new RetryPolicyConfiguration(retries + 1);
    return new StartJobRunRequest(name, clientToken == null ? UUID.randomUUID().toString() : clientToken,
        executionRoleArn, releaseLabel, new JobDriver(driver, null), overrides, null, null, null, retryPolicy);
  }

  /** The API takes spark-submit's flags as one string; --class is one of them. */
  private String submitParameters() {
    var flags = new ArrayList<String>();
    if (mainClass != null) {
      flags.add("--class " + mainClass);
    }
    if (sparkSubmitParameters != null) {
      flags.add(sparkSubmitParameters);
    }
    return flags.isEmpty() ? null : String.join(" ", flags);
  }
}
