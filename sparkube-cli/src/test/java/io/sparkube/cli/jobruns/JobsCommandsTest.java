package io.sparkube.cli.jobruns;

import static io.sparkube.cli.jobruns.TestingJobRunsApi.ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** sparkube jobs start, describe, list and cancel against the real job-runs API, found where the local cluster says. */
class JobsCommandsTest extends AgainstJobRunsApi {
  static final String PI_JAR = "local:///opt/spark/examples/jars/spark-examples_2.13-4.0.2.jar";
  private static final ObjectMapper JSON = new ObjectMapper();

  static JobsCli jobs(String... args) {
    return JobsCli.run(home, Stream.concat(Stream.of("jobs"), Stream.of(args)).toArray(String[]::new));
  }

  static String start(String... args) {
    var flags = Stream.of("start", "--execution-role-arn", ROLE, "--class", "org.apache.spark.examples.SparkPi");
    var started = jobs(Stream.concat(flags, Stream.of(args)).toArray(String[]::new));
    assertThat(started.exitCode()).as(started.printed()).isZero();
    return started.out().strip();
  }

  /** The value of one {@code field: value} line of describe. */
  static String field(JobsCli described, String name) {
    return described.out().lines().filter(line -> line.startsWith(name + ":")).findFirst()
        .map(line -> line.substring(name.length() + 1).strip()).orElseThrow();
  }

  @Test
  void startPrintsTheRunsIdAndDescribeShowsItOneFieldALine() {
    var started = jobs("start", "--name", "pi", "--execution-role-arn", ROLE, "--class",
        "org.apache.spark.examples.SparkPi", PI_JAR, "100");

    assertThat(started.exitCode()).as(started.printed()).isZero();
    assertThat(started.err()).isEmpty();
    var id = started.out().strip();
    assertThat(started.out()).isEqualTo(id + "\n");
    assertThat(id).matches("[0-9a-z]+");
    await().atMost(Duration.ofSeconds(30)).until(() -> field(jobs("describe", id), "state"), "SUBMITTED"::equals);

    var described = jobs("describe", id);

    assertThat(described.exitCode()).as(described.printed()).isZero();
    assertThat(described.out().lines().map(line -> line.substring(0, line.indexOf(':'))))
        .containsExactly("id", "name", "state", "stateDetails", "failureReason", "createdAt", "finishedAt", "attempt");
    assertThat(field(described, "id")).isEqualTo(id);
    assertThat(field(described, "name")).isEqualTo("pi");
    assertThat(field(described, "failureReason")).isEqualTo("-");
    assertThat(field(described, "finishedAt")).isEqualTo("-");
    assertThat(field(described, "createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(field(described, "attempt")).isEqualTo("1");
    var valueColumns = described.out().lines().map(line -> line.length() - line.replaceFirst("^\\S+ +", "").length());
    assertThat(valueColumns).as("values line up").containsOnly("failureReason: ".length());
  }

  @Test
  void jsonIsTheApisAnswerAndTheRequestCarriesEveryFlag() throws Exception {
    var started = jobs("start", "-o", "json", "--name", "etl", "--client-token", "etl-token-1",
        "--execution-role-arn", ROLE, "--release-label", "emr-7.5.0-latest", "--class", "org.example.Etl",
        "--spark-submit-parameters", "--num-executors 2 --driver-memory 1g", "--conf", "spark.sql.shuffle.partitions=8",
        "--conf", "spark.executor.memory=2g", "--retries", "2", "s3a://bucket/etl.jar", "--input", "s3a://bucket/in",
        "--dry");

    assertThat(started.exitCode()).as(started.printed()).isZero();
    var answer = JSON.readTree(started.out());
    assertThat(answer.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "name", "arn", "virtualClusterId");
    assertThat(answer.path("name").asText()).isEqualTo("etl");
    var id = answer.path("id").asText();

    var described = jobs("describe", "-o", "json", id);

    assertThat(described.exitCode()).as(described.printed()).isZero();
    var run = JSON.readTree(described.out()).path("jobRun");
    assertThat(run.path("clientToken").asText()).isEqualTo("etl-token-1");
    assertThat(run.path("releaseLabel").asText()).isEqualTo("emr-7.5.0-latest");
    assertThat(run.path("executionRoleArn").asText()).isEqualTo(ROLE);
    assertThat(run.path("jobDriver").path("sparkSubmitJobDriver")).isEqualTo(JSON.readTree("""
        {"entryPoint": "s3a://bucket/etl.jar", "entryPointArguments": ["--input", "s3a://bucket/in", "--dry"],
         "sparkSubmitParameters": "--class org.example.Etl --num-executors 2 --driver-memory 1g"}"""));
    assertThat(run.path("configurationOverrides")).isEqualTo(JSON.readTree("""
        {"applicationConfiguration": [{"classification": "spark-defaults", "properties":
          {"spark.sql.shuffle.partitions": "8", "spark.executor.memory": "2g"}}]}"""));
    assertThat(run.path("retryPolicyConfiguration").path("maxAttempts").asInt()).isEqualTo(3);

    var again = jobs("start", "--client-token", "etl-token-1", "--execution-role-arn", ROLE, "--release-label",
        "emr-7.5.0-latest", "s3a://bucket/etl.jar");
    assertThat(again.out().strip()).as("the same client token gives the same run").isEqualTo(id);
  }

  @Test
  void listPrintsATableOfTheVirtualClustersRuns() {
    api.virtualCluster("listing");
    var ids = new ArrayList<String>();
    for (var name : List.of("first", "second", "third")) {
      ids.add(start("--virtual-cluster", "listing", "--name", name, PI_JAR));
    }

    var listed = jobs("list", "--virtual-cluster", "listing");

    assertThat(listed.exitCode()).as(listed.printed()).isZero();
    var lines = listed.out().lines().toList();
    assertThat(lines.get(0)).matches("ID {3,}NAME {3,}STATE {3,}CREATED");
    assertThat(lines.subList(1, lines.size())).hasSize(3).allSatisfy(row -> {
      assertThat(row.split(" +")).hasSize(4);
      assertThat(row.indexOf(row.split(" +")[1])).isEqualTo(lines.get(0).indexOf("NAME"));
      assertThat(row.indexOf(row.split(" +")[3])).isEqualTo(lines.get(0).indexOf("CREATED"));
    });
    assertThat(lines.subList(1, lines.size()).stream().map(row -> row.split(" +")[0]))
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(lines.subList(1, lines.size()).stream().map(row -> row.split(" +")[1]))
        .containsExactlyInAnyOrder("first", "second", "third");

    assertThat(jobs("list", "--virtual-cluster", "listing", "--state", "completed,failed").out().lines())
        .hasSize(1);
    assertThat(jobs("list", "--virtual-cluster", "listing", "--state", "PENDING", "--state", "SUBMITTED").out()
        .lines()).hasSize(4);
    assertThat(jobs("list", "--virtual-cluster", "listing", "--max", "2").out().lines()).hasSize(3);
  }

  @Test
  void listFollowsNextTokenUntilItHasMaxRuns() throws Exception {
    api.virtualCluster("paging");
    for (int i = 0; i < 5; i++) {
      start("--virtual-cluster", "paging", PI_JAR);
    }

    var four = listedJson(JobsCli.run(home, terminal -> new ListCommand(terminal, 2), "--virtual-cluster", "paging",
        "--max", "4", "-o", "json"));
    var all = listedJson(JobsCli.run(home, terminal -> new ListCommand(terminal, 2), "--virtual-cluster", "paging",
        "--max", "10", "-o", "json"));

    assertThat(four.path("jobRuns")).hasSize(4);
    assertThat(four.path("nextToken").isTextual()).as("more runs remain").isTrue();
    assertThat(all.path("jobRuns").findValuesAsText("id")).hasSize(5).doesNotHaveDuplicates()
        .startsWith(four.path("jobRuns").findValuesAsText("id").toArray(String[]::new));
    assertThat(all.has("nextToken")).isFalse();
  }

  private static JsonNode listedJson(JobsCli listed) throws Exception {
    assertThat(listed.exitCode()).as(listed.printed()).isZero();
    return JSON.readTree(listed.out());
  }

  @Test
  void cancelAsksTheOperatorToStopTheRun() {
    var id = start("--name", "doomed", PI_JAR);

    var cancelled = jobs("cancel", id);

    assertThat(cancelled.exitCode()).as(cancelled.printed()).isZero();
    assertThat(cancelled.out()).isEqualTo("cancel requested for " + id + "\n");
    await().atMost(Duration.ofSeconds(30)).until(() -> field(jobs("describe", id), "state"), "CANCELLED"::equals);
    var again = jobs("cancel", id);
    assertThat(again.exitCode()).isEqualTo(76);
    assertThat(again.err()).isEqualTo("sparkube: ValidationException: Job run " + id
        + " is not in a cancellable state: it is CANCELLED\n");
  }

  @Test
  void helpNamesTheGroupAndItsCommands() {
    var help = jobs("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Usage: sparkube jobs", "start", "describe", "list", "cancel");
    assertThat(jobs("start", "--help").out()).contains("Usage: sparkube jobs start", "ENTRY_POINT [ARGS...]");
  }
}
