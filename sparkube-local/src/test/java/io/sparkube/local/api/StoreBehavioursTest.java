package io.sparkube.local.api;

import static io.sparkube.local.api.ClusterServerTest.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The store's Kubernetes behaviours, through the fabric8 client against the plain-http server. */
class StoreBehavioursTest {

  @Test
  void watchesHonourLabelSelectors() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      var seen = new CopyOnWriteArrayList<String>();
      try (var watch = client.pods().withLabel("spark-role", "executor").watch(new Watcher<>() {
        @Override
        public void eventReceived(Action action, Pod pod) {
          seen.add(action + " " + pod.getMetadata().getName());
        }

        @Override
        public void onClose(WatcherException cause) {}
      })) {
        client.pods().resource(pod("driver").editMetadata().addToLabels("spark-role", "driver").endMetadata()
            .build()).create();
        client.pods().resource(pod("exec-1").editMetadata().addToLabels("spark-role", "executor").endMetadata()
            .build()).create();
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> seen.contains("ADDED exec-1"));
        assertThat(seen).doesNotContain("ADDED driver");
      }
    }
  }

  @Test
  void statusChangesOnlyThroughTheStatusSubresource() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      client.pods().resource(pod("p").build()).create();
      var running = client.pods().withName("p").get();
      running.setStatus(new PodStatusBuilder().withPhase("Running").build());
      client.pods().resource(running).updateStatus();
      assertThat(client.pods().withName("p").get().getStatus().getPhase()).isEqualTo("Running");

      var update = client.pods().withName("p").get();
      update.setStatus(new PodStatusBuilder().withPhase("Failed").build());
      update.getMetadata().setLabels(java.util.Map.of("a", "b"));
      client.pods().resource(update).update();
      var stored = client.pods().withName("p").get();
      assertThat(stored.getMetadata().getLabels()).containsEntry("a", "b");
      assertThat(stored.getStatus().getPhase()).isEqualTo("Running");

      client.pods().withName("p").editStatus(p -> new io.fabric8.kubernetes.api.model.PodBuilder(p).editStatus()
          .withPhase("Succeeded").endStatus().build());
      assertThat(client.pods().withName("p").get().getStatus().getPhase()).isEqualTo("Succeeded");
    }
  }

  @Test
  void generateNameAddsFiveCharacters() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      var created = client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withGenerateName("job-")
          .endMetadata().build()).create();
      assertThat(created.getMetadata().getName()).matches("job-[bcdfghjklmnpqrstvwxz2456789]{5}");
    }
  }

  @Test
  void deletingAnOwnerDeletesItsDependentsTransitively() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      var driver = client.pods().resource(pod("driver").build()).create();
      var executor = client.pods().resource(pod("exec").editMetadata().withOwnerReferences(ownedBy(driver))
          .endMetadata().build()).create();
      client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("conf")
          .withOwnerReferences(ownedBy(driver)).endMetadata().build()).create();
      client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("exec-conf")
          .withOwnerReferences(ownedBy(executor)).endMetadata().build()).create();
      client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("unrelated").endMetadata()
          .build()).create();

      client.pods().withName("driver").delete();

      assertThat(client.pods().list().getItems()).isEmpty();
      assertThat(client.configMaps().list().getItems()).extracting(c -> c.getMetadata().getName())
          .containsExactly("unrelated");
    }
  }

  @Test
  void aBoundPodTerminatesUntilTheNodeFinalizesIt() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      var owner = client.pods().resource(pod("p").editSpec().withNodeName("local").endSpec().build()).create();
      client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("c")
          .withOwnerReferences(ownedBy(owner)).endMetadata().build()).create();
      client.pods().withName("p").withGracePeriod(20).delete();

      var terminating = client.pods().withName("p").get();
      assertThat(terminating.getMetadata().getDeletionTimestamp()).isNotNull();
      assertThat(terminating.getMetadata().getDeletionGracePeriodSeconds()).isEqualTo(20L);
      assertThat(client.configMaps().withName("c").get()).isNotNull();

      // The node may still record how the container ended, then finalizes.
      client.pods().withName("p").editStatus(p -> new io.fabric8.kubernetes.api.model.PodBuilder(p).editStatus()
          .withPhase("Failed").endStatus().build());
      assertThat(client.pods().withName("p").get().getStatus().getPhase()).isEqualTo("Failed");
      client.pods().withName("p").withGracePeriod(0).delete();
      assertThat(client.pods().withName("p").get()).isNull();
      assertThat(client.configMaps().withName("c").get()).isNull();
    }
  }

  @Test
  void aTerminatingPodNobodyFinalizesIsRemovedAfterItsGracePeriod() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      client.pods().resource(pod("p").editSpec().withNodeName("local").endSpec().build()).create();
      client.pods().withName("p").withGracePeriod(1).delete();
      assertThat(client.pods().withName("p").get()).isNotNull();
      Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> client.pods().withName("p").get() == null);
    }
  }

  @Test
  void unboundPodsAndCollectionsAreDeletedAtOnce() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      client.pods().resource(pod("a").editMetadata().addToLabels("app", "x").endMetadata().build()).create();
      client.pods().resource(pod("b").editMetadata().addToLabels("app", "x").endMetadata().build()).create();
      client.pods().resource(pod("c").build()).create();
      client.pods().withLabel("app", "x").delete();
      assertThat(client.pods().list().getItems()).extracting(p -> p.getMetadata().getName()).containsExactly("c");
    }
  }

  @Test
  void customResourcesOfANewCrdAreStoredAndDiscovered() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      client.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
          .withNewMetadata().withName("sparkapplications.sparkube.io").endMetadata()
          .withNewSpec().withGroup("sparkube.io").withScope("Namespaced")
          .withNewNames().withKind("SparkApplication").withPlural("sparkapplications").withSingular("sparkapplication")
          .endNames()
          .addNewVersion().withName("v1alpha1").withServed(true).withStorage(true).withNewSubresources()
          .withNewStatus().endStatus().endSubresources().endVersion()
          .endSpec().build()).create();
      var context = new ResourceDefinitionContext.Builder().withGroup("sparkube.io").withVersion("v1alpha1")
          .withKind("SparkApplication").withPlural("sparkapplications").withNamespaced(true).build();
      var apps = client.genericKubernetesResources(context);
      apps.resource(new GenericKubernetesResourceBuilder().withApiVersion("sparkube.io/v1alpha1")
          .withKind("SparkApplication").withNewMetadata().withName("pi").endMetadata()
          .addToAdditionalProperties("spec", java.util.Map.of("mainClass", "Pi")).build()).create();

      assertThat(apps.withName("pi").get().getAdditionalProperties().get("spec")).isEqualTo(
          java.util.Map.of("mainClass", "Pi"));
      assertThat(apps.list().getItems()).hasSize(1);
      assertThat(client.getApiGroups().getGroups()).anyMatch(g -> g.getName().equals("sparkube.io"));
      assertThat(client.getApiResources("sparkube.io/v1alpha1").getResources())
          .anyMatch(r -> r.getName().equals("sparkapplications") && r.getNamespaced());
      assertThat(client.supports("sparkube.io/v1alpha1", "SparkApplication")).isTrue();
    }
  }

  private static io.fabric8.kubernetes.api.model.OwnerReference ownedBy(HasMetadata owner) {
    return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
        .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).build();
  }
}
