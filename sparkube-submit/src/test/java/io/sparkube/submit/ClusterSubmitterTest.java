package io.sparkube.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.local.api.LocalApiServer;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.driver.SubmissionIds;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClusterSubmitterTest {
  private static final SubmitEnvironment ENV = new SubmitEnvironment(Map.of(), "operator", Path.of("/"));

  private LocalApiServer api;
  private KubernetesClient client;
  private final RecordingReporter reporter = new RecordingReporter();

  @BeforeEach
  void start() {
    api = LocalApiServer.start();
    client = api.newClient();
  }

  @AfterEach
  void stop() {
    client.close();
    api.close();
  }

  private static List<String> pi(String... extra) {
    var argv = new java.util.ArrayList<>(List.of("--deploy-mode", "cluster", "--name", "pi",
        "--class", "org.apache.spark.examples.SparkPi", "--conf", "spark.kubernetes.container.image=apache/spark:4.0.2",
        "--conf", "spark.kubernetes.namespace=default"));
    argv.addAll(List.of(extra));
    argv.add("local:///opt/spark/examples/jars/spark-examples_2.13-4.0.2.jar");
    return argv;
  }

  @Test
  void theSameSeedNamesTheSameObjectsAndTheDriverIsOwnedAndLabelled() {
    var submitter = new ClusterSubmitter(client, Clock.systemUTC());
    var first = submitter.plan(pi(), ENV, SubmissionIds.derived("uid-1/attempt-1"), ClusterSubmitter.JobPolicy.NONE, reporter);
    var again = submitter.plan(pi(), ENV, SubmissionIds.derived("uid-1/attempt-1"), ClusterSubmitter.JobPolicy.NONE, reporter);
    var retry = submitter.plan(pi(), ENV, SubmissionIds.derived("uid-1/attempt-2"), ClusterSubmitter.JobPolicy.NONE, reporter);

    assertThat(again.driver().driverPodName()).isEqualTo(first.driver().driverPodName());
    assertThat(again.driver().appId()).isEqualTo(first.driver().appId()).matches("spark-[0-9a-f]{32}");
    assertThat(retry.driver().driverPodName()).isNotEqualTo(first.driver().driverPodName());

    var owner = new OwnerReferenceBuilder().withApiVersion("sparkube.io/v1alpha1").withKind("SparkApplication")
        .withName("pi").withUid("uid-1").withController(true).build();
    var created = submitter.create(first, owner, Map.of("sparkube.io/application", "pi"), reporter);

    var pod = client.pods().inNamespace("default").withName(created.podName()).get();
    assertThat(pod.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(ref -> assertThat(ref.getUid()).isEqualTo("uid-1"));
    assertThat(pod.getMetadata().getLabels()).containsEntry("sparkube.io/application", "pi")
        .containsEntry("spark-app-selector", first.driver().appId());
    assertThat(pod.getSpec().getContainers().get(0).getArgs()).contains("org.apache.spark.examples.SparkPi");
    assertThat(client.configMaps().inNamespace("default").list().getItems()).isNotEmpty();
  }

  @Test
  void aPathOnTheSubmittingMachineIsRefusedBeforeAnythingIsCreated() {
    var submitter = new ClusterSubmitter(client, Clock.systemUTC());
    assertThatThrownBy(() -> submitter.plan(pi("--files", "/etc/hosts"), ENV, SubmissionIds.derived("s"),
        ClusterSubmitter.JobPolicy.NONE, reporter))
        .isInstanceOf(SparkubeException.class)
        .hasMessageContaining("spark.files file:/etc/hosts is a path on the submitting machine")
        .satisfies(e -> assertThat(((SparkubeException) e).failure()).isEqualTo(Failure.INVALID_CONFIG));
    assertThat(client.pods().inAnyNamespace().list().getItems()).isEmpty();
  }

  @Test
  void theCallersPolicySeesTheParsedSettingsAndMayRefuse() {
    var submitter = new ClusterSubmitter(client, Clock.systemUTC());
    ClusterSubmitter.JobPolicy atMostTwo = conf -> {
      if (Integer.parseInt(conf.raw("spark.executor.instances").orElse("2")) > 2) {
        throw SparkubeException.invalidConfig("too many executors");
      }
    };
    assertThatThrownBy(() -> submitter.plan(pi("--num-executors", "3"), ENV, SubmissionIds.derived("p"), atMostTwo,
        reporter)).hasMessage("too many executors");
    assertThat(submitter.plan(pi("--num-executors", "2"), ENV, SubmissionIds.derived("p"), atMostTwo, reporter))
        .isNotNull();
  }

  @Test
  void derivedIdsHaveTheShapesOfSparksRandomOnes() {
    var ids = SubmissionIds.derived("anything");
    var random = SubmissionIds.random(Clock.systemUTC());

    assertThat(ids.appId()).hasSameSizeAs(random.appId());
    assertThat(ids.resourceNameId()).matches("[0-9a-f]{16}");
    assertThat(ids.configMapId()).matches("[0-9a-f]{16}");
    assertThat(ids.localDirId()).hasSameSizeAs(random.localDirId());
    assertThat(SubmissionIds.derived("anything")).isEqualTo(ids);
    assertThat(SubmissionIds.derived("other")).isNotEqualTo(ids);
  }
}
