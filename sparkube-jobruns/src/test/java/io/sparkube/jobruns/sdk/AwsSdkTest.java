package io.sparkube.jobruns.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.sparkube.jobruns.Requests;
import io.sparkube.jobruns.TestingApi;
import io.sparkube.jobruns.TestingOperator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.emrcontainers.EmrContainersClient;
import software.amazon.awssdk.services.emrcontainers.model.ContainerProviderType;
import software.amazon.awssdk.services.emrcontainers.model.EmrContainersException;
import software.amazon.awssdk.services.emrcontainers.model.JobRunState;
import software.amazon.awssdk.services.emrcontainers.model.ResourceNotFoundException;
import software.amazon.awssdk.services.emrcontainers.model.StartJobRunRequest;
import software.amazon.awssdk.services.emrcontainers.model.ValidationException;
import software.amazon.awssdk.services.emrcontainers.model.VirtualClusterState;

/**
 * The unmodified AWS SDK for Java's emr-containers client, pointed at the API with an endpoint
 * override and signing with a key from the API's access keys file: what existing clients do.
 */
@EnableKubernetesMockClient(crud = true)
class AwsSdkTest {
  KubernetesClient client;
  @TempDir
  Path dir;
  TestingApi api;
  EmrContainersClient emr;

  @BeforeEach
  void start() throws IOException {
    api = new TestingApi(client, dir).start();
    emr = sdk(secretFromTheAccessKeysFile());
  }

  @AfterEach
  void stop() {
    emr.close();
    api.close();
  }

  @Test
  void theSdkRunsTheWholeLifeOfAJobRun() {
    var created = emr.createVirtualCluster(r -> r.name("sdk-vc").clientToken("sdk-vc-token")
        .containerProvider(p -> p.type(ContainerProviderType.EKS).id("test-cluster")
            .info(i -> i.eksInfo(e -> e.namespace("sdk-ns")))));
    var vc = created.id();

    var first = emr.startJobRun(jobRun(vc, "sdk-run"));
    var again = emr.startJobRun(jobRun(vc, "sdk-run"));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(first.virtualClusterId()).isEqualTo(vc);
    assertThat(first.arn()).isEqualTo("arn:aws:emr-containers:us-east-1:123456789012:/virtualclusters/" + vc
        + "/jobruns/" + first.id());

    var described = emr.describeJobRun(r -> r.virtualClusterId(vc).id(first.id())).jobRun();
    assertThat(described.state()).isEqualTo(JobRunState.PENDING);
    assertThat(described.createdBy()).isEqualTo(TestingApi.ACCESS_KEY_ARN);
    assertThat(described.createdAt()).isNotNull();
    assertThat(described.releaseLabel()).isEqualTo("emr-7.5.0-latest");
    assertThat(described.jobDriver().sparkSubmitJobDriver().entryPointArguments()).containsExactly("100");

    new TestingOperator(client).setState("sdk-ns", first.id(), io.sparkube.resources.JobRunState.RUNNING);
    assertThat(emr.describeJobRun(r -> r.virtualClusterId(vc).id(first.id())).jobRun().state())
        .isEqualTo(JobRunState.RUNNING);

    emr.cancelJobRun(r -> r.virtualClusterId(vc).id(first.id()));
    assertThat(client.resources(io.sparkube.resources.SparkApplication.class).inNamespace("sdk-ns")
        .withName(first.id()).get().getSpec().isSuspend()).isTrue();

    emr.deleteVirtualCluster(r -> r.id(vc));
    assertThat(emr.describeVirtualCluster(r -> r.id(vc)).virtualCluster().state())
        .isEqualTo(VirtualClusterState.TERMINATING);
  }

  @Test
  void theSdksPaginatorsWalkEveryPage() {
    var vc = emr.createVirtualCluster(r -> r.name("pages").clientToken("pages")
        .containerProvider(p -> p.type(ContainerProviderType.EKS).id("test-cluster")
            .info(i -> i.eksInfo(e -> e.namespace("pages"))))).id();
    var started = new HashSet<String>();
    for (int i = 0; i < 5; i++) {
      // No client token: the SDK fills in a fresh one, as it does for every idempotency token.
      started.add(emr.startJobRun(jobRun(vc, null)).id());
    }

    var listed = new ArrayList<String>();
    var pages = new ArrayList<Integer>();
    emr.listJobRunsPaginator(r -> r.virtualClusterId(vc).maxResults(2)).forEach(page -> {
      pages.add(page.jobRuns().size());
      page.jobRuns().forEach(run -> listed.add(run.id()));
    });

    assertThat(started).hasSize(5);
    assertThat(pages).containsExactly(2, 2, 1);
    assertThat(listed).containsExactlyInAnyOrderElementsOf(started);
    assertThat(emr.listVirtualClustersPaginator(r -> r.maxResults(1)).virtualClusters()).hasSize(1);
  }

  @Test
  void refusalsSurfaceAsTheSdksOwnExceptionClassesWithOurMessages() {
    var vc = emr.createVirtualCluster(r -> r.name("refusals").clientToken("refusals")
        .containerProvider(p -> p.type(ContainerProviderType.EKS).id("test-cluster")
            .info(i -> i.eksInfo(e -> e.namespace("refusals"))))).id();

    assertThatThrownBy(() -> emr.startJobRun(jobRun(vc, "old").toBuilder().releaseLabel("emr-6.15.0-latest").build()))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorMessage()).startsWith("unknown release label emr-6.15.0-latest;"
              + " supported: emr-7.<minor>.<patch>-latest or -YYYYMMDD (Spark 3.5.6)");
        });
    assertThatThrownBy(() -> emr.describeVirtualCluster(r -> r.id("nosuchcluster")))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("doesn't exist");
    assertThat(client.resources(io.sparkube.resources.SparkApplication.class).inAnyNamespace().list().getItems())
        .isEmpty();
  }

  @Test
  void aWrongSecretKeyGets403() {
    try (var impostor = sdk("not-the-secret-key")) {
      assertThatThrownBy(() -> impostor.listVirtualClusters(r -> { }))
          .isInstanceOfSatisfying(EmrContainersException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
          });
    }
  }

  private EmrContainersClient sdk(String secretKey) {
    return EmrContainersClient.builder()
        .endpointOverride(URI.create(api.url()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(TestingApi.ACCESS_KEY,
            secretKey)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private String secretFromTheAccessKeysFile() throws IOException {
    var line = Files.readAllLines(dir.resolve("access-keys")).stream()
        .filter(l -> l.startsWith(TestingApi.ACCESS_KEY + "=")).findFirst().orElseThrow();
    return line.substring(line.indexOf('=') + 1).split(" ")[0];
  }

  private static StartJobRunRequest jobRun(String vc, String clientToken) {
    return StartJobRunRequest.builder().virtualClusterId(vc).name("sdk-pi").clientToken(clientToken)
        .executionRoleArn(Requests.ROLE).releaseLabel("emr-7.5.0-latest")
        .jobDriver(d -> d.sparkSubmitJobDriver(s -> s.entryPoint(Requests.ENTRY_POINT)
            .entryPointArguments(List.of("100"))
            .sparkSubmitParameters("--class org.apache.spark.examples.SparkPi --conf spark.executor.instances=2")))
        .build();
  }
}
