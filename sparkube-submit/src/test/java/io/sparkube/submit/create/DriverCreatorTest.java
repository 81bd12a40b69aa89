package io.sparkube.submit.create;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.Reporter;
import io.sparkube.submit.driver.DriverPlan;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DriverCreatorTest {
  private static final String NS = "jobs";
  private static final String PODS = "/api/v1/namespaces/jobs/pods";
  private static final String CONFIGMAPS = "/api/v1/namespaces/jobs/configmaps";
  private static final String SERVICES = "/api/v1/namespaces/jobs/services";

  private final ApiServer server = new ApiServer();
  private final KubernetesClient client = server.client();
  private final DriverCreator creator = new DriverCreator(client, Reporter.SILENT);

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void createsInSparksOrderWithNoExtraCalls() {
    var created = creator.create(plan());

    assertThat(server.requests()).containsExactly(
        "PATCH " + CONFIGMAPS + "/pre-a", "PATCH " + CONFIGMAPS + "/pre-b",
        "POST " + PODS,
        "PATCH " + CONFIGMAPS + "/pre-a", "PATCH " + CONFIGMAPS + "/pre-b",
        "PATCH " + SERVICES + "/app-driver-svc", "PATCH " + CONFIGMAPS + "/spark-drv-conf-map");
    assertThat(created.submissionId()).isEqualTo("jobs:app-driver");
    assertThat(created.objects()).extracting(o -> o.getMetadata().getName()).containsExactly(
        "pre-a", "pre-b", "app-driver", "app-driver-svc", "spark-drv-conf-map");
  }

  @Test
  void ownsEverythingButThePodAsSparkDoes() {
    var pod = creator.create(plan()).pod();

    List<HasMetadata> owned = List.of(
        configMap("pre-a"), configMap("pre-b"), configMap("spark-drv-conf-map"), service());
    for (var object : owned) {
      var stored = client.resource(object).inNamespace(NS).get();
      assertThat(stored.getMetadata().getOwnerReferences()).singleElement().satisfies(ref -> {
        assertThat(ref.getName()).isEqualTo("app-driver");
        assertThat(ref.getUid()).isEqualTo(pod.getMetadata().getUid()).isNotBlank();
        assertThat(ref.getKind()).isEqualTo("Pod");
        assertThat(ref.getApiVersion()).isEqualTo("v1");
        assertThat(ref.getController()).isTrue();
        assertThat(ref.getBlockOwnerDeletion()).isNull();
      });
    }
  }

  @Test
  void failedPreResourceApplyDeletesTheOnesApplied() {
    server.fail("PATCH", CONFIGMAPS + "/pre-b", 0, 403, "Forbidden",
        "configmaps \"pre-b\" is forbidden: User \"ann\" cannot patch resource \"configmaps\" in API group \"\""
            + " in the namespace \"jobs\"", null);

    assertThatThrownBy(() -> creator.create(plan()))
        .isInstanceOfSatisfying(SparkubeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.FORBIDDEN))
        .hasMessageContaining("user \"ann\" may not patch configmaps in namespace \"jobs\"");
    assertThat(server.requests()).last().isEqualTo("DELETE " + CONFIGMAPS + "/pre-a");
    assertThat(stored()).isEmpty();
  }

  @Test
  void podNameTakenDeletesPreResourcesButNotTheOtherPod() {
    client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("app-driver")
        .addToLabels("owner", "someone-else").endMetadata().build()).create();

    assertThatThrownBy(() -> creator.create(plan()))
        .isInstanceOfSatisfying(SparkubeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NAME_TAKEN))
        .hasMessage("pod \"jobs/app-driver\" already exists; change spark.kubernetes.driver.pod.name or delete the old pod");
    assertThat(stored()).extracting(o -> o.getMetadata().getName()).containsExactly("app-driver");
    assertThat(client.pods().inNamespace(NS).withName("app-driver").get().getMetadata().getLabels())
        .containsEntry("owner", "someone-else");
  }

  /** As when the operator repeats a pass that was cut off after creating everything. */
  @Test
  void aRepeatedPassAdoptsItsDriverAndRollsBackNothing() {
    var first = creator.create(plan());
    var before = server.requests().size();

    var again = creator.create(plan());

    assertThat(first.adopted()).isFalse();
    assertThat(again.adopted()).isTrue();
    assertThat(again.pod().getMetadata().getUid()).isEqualTo(first.pod().getMetadata().getUid());
    assertThat(server.requests().subList(before, server.requests().size())).containsExactly(
        "PATCH " + CONFIGMAPS + "/pre-a", "PATCH " + CONFIGMAPS + "/pre-b",
        "POST " + PODS, "GET " + PODS + "/app-driver",
        "PATCH " + CONFIGMAPS + "/pre-a", "PATCH " + CONFIGMAPS + "/pre-b",
        "PATCH " + SERVICES + "/app-driver-svc", "PATCH " + CONFIGMAPS + "/spark-drv-conf-map");
    assertThat(client.pods().inNamespace(NS).list().getItems()).hasSize(1);
    assertOwnedBy(first.pod().getMetadata().getUid());
  }

  /** As when a pass was cut off between creating the pod and its ConfigMap: the repeat completes it. */
  @Test
  void aDriverLeftHalfDoneIsAdoptedAndCompleted() {
    var left = client.pods().inNamespace(NS).resource(driverPod()).create();

    var created = creator.create(plan());

    assertThat(created.adopted()).isTrue();
    assertThat(created.podName()).isEqualTo("app-driver");
    assertThat(client.pods().inNamespace(NS).list().getItems()).hasSize(1);
    assertOwnedBy(left.getMetadata().getUid());
  }

  @Test
  void podNameTakenByAnotherApplicationFailsAndDeletesOnlyWhatThisOneCreated() {
    client.pods().inNamespace(NS).resource(new PodBuilder(driverPod()).editMetadata()
        .addToLabels("spark-app-selector", "spark-2").endMetadata().build()).create();

    assertThatThrownBy(() -> creator.create(plan()))
        .isInstanceOfSatisfying(SparkubeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NAME_TAKEN))
        .hasMessage("pod \"jobs/app-driver\" already exists; change spark.kubernetes.driver.pod.name or delete the old pod");
    assertThat(server.requests()).endsWith("POST " + PODS, "GET " + PODS + "/app-driver",
        "DELETE " + CONFIGMAPS + "/pre-b", "DELETE " + CONFIGMAPS + "/pre-a");
    assertThat(stored()).extracting(o -> o.getMetadata().getName()).containsExactly("app-driver");
  }

  /** The attempt is undone whole, adopted pod and all, so its retry's driver is the run's only one. */
  @Test
  void aFailureAfterAdoptingUndoesTheAttempt() {
    client.pods().inNamespace(NS).resource(driverPod()).create();
    server.fail("PATCH", CONFIGMAPS + "/spark-drv-conf-map", 0, 422, "Invalid", "the object is invalid", null);

    assertThatThrownBy(() -> creator.create(plan())).isInstanceOf(SparkubeException.class);
    assertThat(stored()).isEmpty();
  }

  @Test
  void failedPreResourceReapplyDeletesPodAndPreResources() {
    server.fail("PATCH", CONFIGMAPS + "/pre-b", 1, 422, "Invalid",
        "ConfigMap \"pre-b\" is invalid: metadata.ownerReferences.uid: Invalid value: \"\"", null);

    assertThatThrownBy(() -> creator.create(plan()))
        .isInstanceOfSatisfying(SparkubeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.API_ERROR))
        .hasMessage("the API server refused to apply configmaps \"jobs/pre-b\" (422): ConfigMap \"pre-b\" is"
            + " invalid: metadata.ownerReferences.uid: Invalid value: \"\"");
    assertThat(server.requests()).endsWith(
        "DELETE " + PODS + "/app-driver", "DELETE " + CONFIGMAPS + "/pre-b", "DELETE " + CONFIGMAPS + "/pre-a");
    assertThat(stored()).isEmpty();
  }

  @Test
  void failedResourceApplyDeletesEverythingInReverse() {
    server.fail("PATCH", CONFIGMAPS + "/spark-drv-conf-map", 0, 403, "Forbidden",
        "configmaps \"spark-drv-conf-map\" is forbidden: exceeded quota: object-counts, requested: configmaps=1,"
            + " used: configmaps=10, limited: configmaps=10", null);

    assertThatThrownBy(() -> creator.create(plan()))
        .isInstanceOfSatisfying(SparkubeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.QUOTA_EXCEEDED))
        .hasMessageContaining("resource quota \"object-counts\" in namespace \"jobs\"");
    assertThat(server.requests()).endsWith("DELETE " + SERVICES + "/app-driver-svc", "DELETE " + PODS + "/app-driver",
        "DELETE " + CONFIGMAPS + "/pre-b", "DELETE " + CONFIGMAPS + "/pre-a");
    assertThat(stored()).isEmpty();
  }

  @Test
  void missingNamespaceSaysHowToCreateIt() {
    server.fail("POST", PODS, 0, 404, "NotFound", "namespaces \"jobs\" not found", "namespaces");
    var plan = new DriverPlan(NS, driverPod(), List.of(), List.of(), configMap("spark-drv-conf-map"), "spark-1");

    assertThatThrownBy(() -> creator.create(plan))
        .isInstanceOfSatisfying(SparkubeException.class,
            e -> assertThat(e.failure()).isEqualTo(Failure.NAMESPACE_MISSING))
        .hasMessage("namespace \"jobs\" does not exist; create it with kubectl create namespace jobs"
            + " or set spark.kubernetes.namespace");
    assertThat(server.requests()).containsExactly("POST " + PODS);
  }

  /** Every write of a submission, failing in turn: whatever was created before it is gone after. */
  @ParameterizedTest(name = "write {0} fails")
  @CsvSource({
      "PATCH, /api/v1/namespaces/jobs/configmaps/pre-a, 0",
      "PATCH, /api/v1/namespaces/jobs/configmaps/pre-b, 0",
      "POST, /api/v1/namespaces/jobs/pods, 0",
      "PATCH, /api/v1/namespaces/jobs/configmaps/pre-a, 1",
      "PATCH, /api/v1/namespaces/jobs/configmaps/pre-b, 1",
      "PATCH, /api/v1/namespaces/jobs/services/app-driver-svc, 0",
      "PATCH, /api/v1/namespaces/jobs/configmaps/spark-drv-conf-map, 0"})
  void anyFailedWriteLeavesNothingBehind(String method, String path, int skip) {
    // 422, not a 5xx: fabric8 retries server errors, so a single 500 would not fail the write.
    server.fail(method, path, skip, 422, "Invalid", "the object is invalid", null);

    assertThatThrownBy(() -> creator.create(plan())).isInstanceOf(SparkubeException.class);
    assertThat(stored()).isEmpty();
  }

  private void assertOwnedBy(String podUid) {
    for (var object : List.<HasMetadata>of(configMap("pre-a"), configMap("pre-b"), configMap("spark-drv-conf-map"),
        service())) {
      var stored = client.resource(object).inNamespace(NS).get();
      assertThat(stored).as(object.getMetadata().getName()).isNotNull();
      assertThat(stored.getMetadata().getOwnerReferences()).as(object.getMetadata().getName()).singleElement()
          .satisfies(ref -> assertThat(ref.getUid()).isEqualTo(podUid));
    }
  }

  private List<HasMetadata> stored() {
    var all = new java.util.ArrayList<HasMetadata>();
    all.addAll(client.configMaps().inNamespace(NS).list().getItems());
    all.addAll(client.services().inNamespace(NS).list().getItems());
    all.addAll(client.pods().inNamespace(NS).list().getItems());
    return all;
  }

  private static DriverPlan plan() {
    return new DriverPlan(NS, driverPod(), List.of(configMap("pre-a"), configMap("pre-b")),
        List.of(service()), configMap("spark-drv-conf-map"), "spark-1");
  }

  private static io.fabric8.kubernetes.api.model.Pod driverPod() {
    return new PodBuilder().withNewMetadata().withName("app-driver").addToLabels("spark-role", "driver")
        .addToLabels("spark-app-selector", "spark-1").endMetadata()
        .withNewSpec().addNewContainer().withName("spark-kubernetes-driver").endContainer().endSpec().build();
  }

  private static ConfigMap configMap(String name) {
    return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().addToData("k", name).build();
  }

  private static Service service() {
    return new ServiceBuilder().withNewMetadata().withName("app-driver-svc").endMetadata()
        .withNewSpec().withClusterIP("None").endSpec().build();
  }
}
