package io.sparkube.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

class LocalApiServerTest {

  @Test
  void newPodsArePending() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      var pod = client.pods().resource(new PodBuilder().withNewMetadata().withName("p").endMetadata()
          .withNewSpec().addNewContainer().withName("c").withImage("i").endContainer().endSpec().build()).create();
      assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
      assertThat(client.pods().withName("p").get().getStatus().getPhase()).isEqualTo("Pending");
    }
  }

  @Test
  void serverSideApplyCreatesThenUpdates() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      var configMap = new ConfigMapBuilder().withNewMetadata().withName("cm").endMetadata().addToData("a", "1").build();
      client.resource(configMap).forceConflicts().serverSideApply();
      assertThat(client.configMaps().withName("cm").get().getData()).containsEntry("a", "1");

      configMap.getData().put("a", "2");
      client.resource(configMap).forceConflicts().serverSideApply();
      assertThat(client.configMaps().withName("cm").get().getData()).containsEntry("a", "2");
    }
  }
}
