package io.sparkube.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Server-side apply as one field manager applying whole objects sees it. */
class ServerSideApplyTest {

  @Test
  void applyingAgainReplacesListsAndMergesMaps() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      var binding = new RoleBindingBuilder().withNewMetadata().withName("b").withNamespace("default")
          .withLabels(Map.of("a", "1")).endMetadata()
          .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName("r").endRoleRef()
          .addNewSubject().withKind("ServiceAccount").withName("spark").withNamespace("default").endSubject().build();
      client.resource(binding).forceConflicts().serverSideApply();
      var owned = new RoleBindingBuilder(binding).editMetadata().addToLabels("b", "2")
          .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("v1").withKind("Pod").withName("p")
              .withUid("u-1").build()).endMetadata().build();
      client.resource(owned).forceConflicts().serverSideApply();

      var stored = client.rbac().roleBindings().inNamespace("default").withName("b").get();
      assertThat(stored.getSubjects()).hasSize(1);
      assertThat(stored.getMetadata().getOwnerReferences()).hasSize(1);
      assertThat(stored.getMetadata().getLabels()).containsEntry("a", "1").containsEntry("b", "2");
    }
  }

  @Test
  void applyKeepsWhatTheServerSet() {
    try (var api = LocalApiServer.start(); var client = api.newClient()) {
      var map = new ConfigMapBuilder().withNewMetadata().withName("m").withNamespace("default").endMetadata()
          .addToData("k", "v").build();
      var created = client.resource(map).forceConflicts().serverSideApply();
      var again = client.resource(new ConfigMapBuilder(map).addToData("k2", "v2").build())
          .forceConflicts().serverSideApply();

      assertThat(again.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());
      assertThat(again.getMetadata().getCreationTimestamp()).isEqualTo(created.getMetadata().getCreationTimestamp());
      assertThat(again.getData()).containsEntry("k", "v").containsEntry("k2", "v2");
    }
  }
}
