package io.sparkube.jobruns.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.sparkube.jobruns.ApiClient;
import io.sparkube.jobruns.Requests;
import io.sparkube.jobruns.TestingApi;
import io.sparkube.jobruns.TestingOperator;
import io.sparkube.resources.JobRuns;
import io.sparkube.resources.SparkApplication;
import io.sparkube.resources.VirtualCluster;
import io.sparkube.resources.VirtualClusterState;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input gets its documented status and an AWS-shaped error body, and creates
 * nothing: no SparkApplication, no VirtualCluster.
 */
@EnableKubernetesMockClient(crud = true)
class BadRequestsTest {
  static final String NS = "strict";
  static final String OTHER_ROLE = "arn:aws:iam::123456789012:role/finance-admin";

  // One mock API server and one API for the class: no case may create anything, and each checks so.
  static KubernetesClient client;
  @TempDir
  static Path dir;
  static TestingApi api;
  static ApiClient http;
  static String vc;

  /** One spoilt StartJobRun body and a part of the message it must get. */
  record Case(String what, Consumer<ObjectNode> spoil, String message) {
    @Override
    public String toString() {
      return what;
    }
  }

  @BeforeAll
  static void start() {
    api = new TestingApi(client, dir).start();
    http = api.api();
    vc = Requests.createVirtualCluster(http, "strict", NS);
    new TestingOperator(client).administer(vc, cluster -> {
      cluster.getSpec().setAllowedIdentities(List.of("aws-irsa:arn:aws:iam::123456789012:role/spark-*"));
      cluster.getSpec().getLimits().setMaxExecutorsPerJob(4);
    });
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static Stream<Case> spoiltJobRuns() {
    return Stream.of(
        new Case("unknown field", b -> b.put("colour", "red"), "Unknown field 'colour'"),
        new Case("unknown nested field", b -> Requests.driverOf(b).put("mainClass", "x"),
            "Unknown field 'jobDriver.sparkSubmitJobDriver.mainClass'"),
        new Case("virtualClusterId in the body", b -> b.put("virtualClusterId", "x"), "Unknown field"),
        new Case("wrong type", b -> b.put("name", 5), "Value at 'name' has the wrong type; expected a string"),
        new Case("no clientToken", b -> b.remove("clientToken"), "Value null at 'clientToken'"),
        new Case("no executionRoleArn", b -> b.remove("executionRoleArn"), "Value null at 'executionRoleArn'"),
        new Case("no releaseLabel", b -> b.remove("releaseLabel"), "Value null at 'releaseLabel'"),
        new Case("no jobDriver", b -> b.remove("jobDriver"), "Value null at 'jobDriver'"),
        new Case("no entryPoint", b -> Requests.driverOf(b).remove("entryPoint"),
            "at 'jobDriver.sparkSubmitJobDriver.entryPoint' failed to satisfy constraint: Member must not be null"),
        new Case("SQL driver", b -> b.putObject("jobDriver").putObject("sparkSqlJobDriver").put("entryPoint", "q.sql"),
            "jobDriver.sparkSqlJobDriver is not supported"),
        new Case("job template", b -> b.put("jobTemplateId", "abc"), "job templates are not supported"),
        new Case("name pattern", b -> b.put("name", "spark pi!"), "Member must satisfy regular expression pattern"),
        new Case("not a role ARN", b -> b.put("executionRoleArn", "arn:aws:iam::123456789012:user/bob"),
            "at 'executionRoleArn' failed to satisfy constraint"),
        new Case("unknown release label", b -> b.put("releaseLabel", "emr-9.9.9-latest"),
            "unknown release label emr-9.9.9-latest; supported: emr-7.<minor>.<patch>-latest"),
        new Case("release before Spark 3.5", b -> b.put("releaseLabel", "emr-6.15.0-latest"),
            "unknown release label emr-6.15.0-latest"),
        new Case("identity not allowed", b -> b.put("executionRoleArn", OTHER_ROLE),
            "is not allowed in virtual cluster"),
        new Case("unknown flag", b -> Requests.driverOf(b).put("sparkSubmitParameters", "--frobnicate 1"),
            "sparkSubmitParameters: unknown flag --frobnicate"),
        new Case("client mode", b -> Requests.driverOf(b).put("sparkSubmitParameters", "--deploy-mode client"),
            "--deploy-mode cannot be used in sparkSubmitParameters"),
        new Case("server's own file", b -> Requests.driverOf(b).put("sparkSubmitParameters",
            "--properties-file /etc/passwd"), "--properties-file cannot be used in sparkSubmitParameters"),
        new Case("unbalanced quote", b -> Requests.driverOf(b).put("sparkSubmitParameters", "--conf 'spark.a=1"),
            "unclosed ' quote"),
        new Case("stray argument", b -> Requests.driverOf(b).put("sparkSubmitParameters", "--class A other.jar"),
            "neither a flag nor a flag's value"),
        new Case("another namespace", b -> Requests.driverOf(b).put("sparkSubmitParameters",
            "--class a.Main --conf spark.kubernetes.namespace=kube-system"), "spark.kubernetes.namespace cannot be set"),
        new Case("another service account", b -> Requests.driverOf(b).put("sparkSubmitParameters",
            "--class a.Main --conf spark.kubernetes.authenticate.driver.serviceAccountName=admin"), "cannot be set in a job run"),
        new Case("a file of the server", b -> Requests.driverOf(b).put("entryPoint", "/tmp/app.jar"),
            "is a file on the machine that submits the run"),
        new Case("unsupported classification", b -> b.putObject("configurationOverrides")
            .putArray("applicationConfiguration").addObject().put("classification", "spark-log4j"),
            "classification 'spark-log4j' at configurationOverrides.applicationConfiguration[0] is not supported"),
        new Case("too many executors", b -> Requests.driverOf(b).put("sparkSubmitParameters",
            "--class a.Main --num-executors 10"), "spark.executor.instances=10 exceeds the limit"),
        new Case("unbounded dynamic allocation", b -> Requests.driverOf(b).put("sparkSubmitParameters",
            "--class a.Main --conf spark.dynamicAllocation.enabled=true"), "has no bound"),
        new Case("too many tags", b -> {
          var tags = b.putObject("tags");
          for (int i = 0; i < 51; i++) {
            tags.put("t" + i, "v");
          }
        }, "at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50"),
        new Case("no attempts", b -> b.putObject("retryPolicyConfiguration").put("maxAttempts", 0),
            "Member must have value greater than or equal to 1"),
        new Case("monitoring enum", b -> b.putObject("configurationOverrides").putObject("monitoringConfiguration")
            .put("persistentAppUI", "MAYBE"), "Member must satisfy enum value set: [ENABLED, DISABLED]"),
        new Case("request too large to keep", b -> {
          var arguments = Requests.driverOf(b).putArray("entryPointArguments");
          for (int i = 0; i < 30; i++) {
            arguments.add("x".repeat(10_000));
          }
        }, "holds at most 240000 bytes"));
  }

  @ParameterizedTest
  @MethodSource("spoiltJobRuns")
  void aSpoiltStartJobRunIsAValidationErrorAndCreatesNothing(Case spoilt) {
    var body = Requests.jobRun("spoilt");
    spoilt.spoil().accept(body);

    var reply = http.post("/virtualclusters/" + vc + "/jobruns", body);

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.errorType()).isEqualTo("ValidationException");
    assertThat(reply.json().path("__type").asText()).isEqualTo("ValidationException");
    assertThat(reply.message()).contains(spoilt.message());
    assertNothingCreated();
  }

  @Test
  void malformedOrEmptyJsonIsAValidationError() {
    var broken = http.post("/virtualclusters/" + vc + "/jobruns", "{\"name\": ");
    var empty = http.post("/virtualclusters/" + vc + "/jobruns", "");
    var duplicate = http.post("/virtualclusters/" + vc + "/jobruns", "{\"name\":\"a\",\"name\":\"b\"}");

    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.message()).startsWith("The request body is not valid JSON");
    assertThat(empty.message()).isEqualTo("StartJobRun needs a JSON object as its request body");
    assertThat(duplicate.message()).contains("Duplicate field 'name'");
    assertNothingCreated();
  }

  @Test
  void anUnknownVirtualClusterIsResourceNotFound() {
    var reply = http.post("/virtualclusters/nosuchcluster/jobruns", Requests.jobRun("lost"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorType()).isEqualTo("ResourceNotFoundException");
    assertThat(http.post("/virtualclusters/Not_An_Id/jobruns", Requests.jobRun("lost")).message())
        .contains("at 'virtualClusterId' failed to satisfy constraint");
    assertNothingCreated();
  }

  @Test
  void aVirtualClusterThatIsNotRunningTakesNoRuns() {
    var arrested = Requests.createVirtualCluster(http, "arrested", "arrested");
    new TestingOperator(client).setState(arrested, VirtualClusterState.ARRESTED);

    var reply = http.post("/virtualclusters/" + arrested + "/jobruns", Requests.jobRun("arrested"));

    assertThat(reply.errorType()).isEqualTo("ValidationException");
    assertThat(reply.message()).contains("is ARRESTED");
    assertThat(client.resources(SparkApplication.class).inAnyNamespace().list().getItems()).isEmpty();
    new TestingOperator(client).setState(arrested, VirtualClusterState.TERMINATED);
  }

  @Test
  void anOversizedBodyIs413WithAnErrorBody() {
    var body = Requests.jobRun("huge");
    Requests.driverOf(body).put("sparkSubmitParameters", "--conf spark.x=" + "y".repeat(1_100_000));

    var reply = http.post("/virtualclusters/" + vc + "/jobruns", body);

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.errorType()).isEqualTo("RequestEntityTooLargeException");
    assertThat(reply.message()).contains("1048576 bytes");
    assertNothingCreated();
  }

  static Stream<Case> spoiltVirtualClusters() {
    return Stream.of(
        new Case("no namespace", b -> b.with("containerProvider").remove("info"),
            "containerProvider.info.eksInfo.namespace is required"),
        new Case("no name", b -> b.remove("name"), "Value null at 'name'"),
        new Case("not EKS", b -> b.with("containerProvider").put("type", "AKS"), "enum value set: [EKS]"),
        new Case("bad namespace", b -> b.with("containerProvider").with("info").with("eksInfo")
            .put("namespace", "Team_A"), "at 'containerProvider.info.eksInfo.namespace'"),
        new Case("node label", b -> b.with("containerProvider").with("info").with("eksInfo")
            .put("nodeLabel", "pool=spark"), "nodeLabel is not supported"),
        new Case("security configuration", b -> b.put("securityConfigurationId", "abc"),
            "securityConfigurationId is not supported"),
        new Case("sessions", b -> b.put("sessionEnabled", true), "sessionEnabled=true is not supported"),
        new Case("unknown field", b -> b.put("size", "large"), "Unknown field 'size'"));
  }

  @ParameterizedTest
  @MethodSource("spoiltVirtualClusters")
  void aSpoiltCreateVirtualClusterIsAValidationErrorAndCreatesNothing(Case spoilt) {
    var body = Requests.virtualCluster("spoilt", "spoilt", "spoilt");
    spoilt.spoil().accept(body);

    var reply = http.post("/virtualclusters", body);

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.errorType()).isEqualTo("ValidationException");
    assertThat(reply.message()).contains(spoilt.message());
    assertThat(client.resources(VirtualCluster.class).list().getItems()).extracting(c -> c.getMetadata().getName())
        .doesNotContain(JobRuns.virtualClusterIdFor("spoilt"));
  }

  private static void assertNothingCreated() {
    assertThat(client.resources(SparkApplication.class).inAnyNamespace().list().getItems()).isEmpty();
    assertThat(client.resources(VirtualCluster.class).list().getItems()).extracting(c -> c.getMetadata().getName())
        .doesNotContain(JobRuns.virtualClusterIdFor("spoilt"));
  }
}
