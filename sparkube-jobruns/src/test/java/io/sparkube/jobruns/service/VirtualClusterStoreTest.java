package io.sparkube.jobruns.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.sparkube.jobruns.ApiServerCalls;
import io.sparkube.resources.Crds;
import io.sparkube.resources.VirtualCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading a virtual cluster from an informer's cache, and from the API server when the cache lacks it. */
@EnableKubernetesMockClient(crud = true)
class VirtualClusterStoreTest {
  private static final String PATH = "/apis/sparkube.io/v1alpha1/virtualclusters/";

  KubernetesClient client;
  KubernetesMockServer server;
  ApiServerCalls calls;
  SharedIndexInformer<VirtualCluster> informer;

  @BeforeEach
  void crds() {
    Crds.all().forEach(crd -> client.apiextensions().v1().customResourceDefinitions().resource(crd)
        .createOr(NonDeletingOperation::update));
    calls = new ApiServerCalls(server);
  }

  @AfterEach
  void stop() {
    if (informer != null) {
      informer.stop();
    }
  }

  @Test
  void aCachedVirtualClusterIsReadWithoutCallingTheApiServer() {
    create("cached", "team-a");
    informer = client.resources(VirtualCluster.class).inform();
    await().until(informer::isWatching);
    var store = new VirtualClusterStore(client, informer);
    calls.drain();

    var found = store.find("cached");

    assertThat(found).hasValueSatisfying(cluster -> assertThat(cluster.getSpec().getNamespace()).isEqualTo("team-a"));
    assertThat(calls.drain()).isEmpty();
  }

  @Test
  void oneTheCacheHasNotSeenYetIsReadFromTheApiServer() {
    informer = client.resources(VirtualCluster.class).inform();
    // Stopped, the cache keeps what it listed and learns nothing more: as one behind a create.
    informer.stop();
    var store = new VirtualClusterStore(client, informer);
    create("fresh", "team-b");
    assertThat(informer.getStore().getByKey("fresh")).as("not in the cache").isNull();
    calls.drain();

    var found = store.find("fresh");

    assertThat(found).hasValueSatisfying(cluster -> assertThat(cluster.getSpec().getNamespace()).isEqualTo("team-b"));
    assertThat(calls.drain()).containsExactly("GET " + PATH + "fresh");
    assertThat(store.find("nosuch")).isEmpty();
  }

  @Test
  void withoutAnInformerEveryReadIsAGet() {
    create("plain", "team-c");
    var store = new VirtualClusterStore(client);
    calls.drain();

    assertThat(store.find("plain")).isPresent();
    assertThat(store.find("plain")).isPresent();

    assertThat(calls.drain()).containsExactly("GET " + PATH + "plain", "GET " + PATH + "plain");
  }

  private void create(String name, String namespace) {
    var cluster = new VirtualCluster();
    cluster.getMetadata().setName(name);
    cluster.getSpec().setNamespace(namespace);
    client.resource(cluster).create();
  }
}
