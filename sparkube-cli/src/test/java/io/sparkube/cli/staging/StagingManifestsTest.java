package io.sparkube.cli.staging;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The install's objects: the server watches driver pods with read access to pods and nothing else. */
class StagingManifestsTest {
  static final PolicyRule POD_READER = new PolicyRuleBuilder().withApiGroups("").withResources("pods")
      .withVerbs("get", "list", "watch").build();
  static final Subject SERVER_ACCOUNT = new SubjectBuilder().withKind("ServiceAccount").withName("sparkube-staging")
      .withNamespace("sparkube").build();

  static StagingInstall install(List<String> jobNamespaces) {
    return new StagingInstall("sparkube", "sparkube/sparkube:0.1.0", "50Gi", Optional.empty(), Optional.empty(),
        Optional.empty(), jobNamespaces);
  }

  static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> objects, Class<T> kind) {
    return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  static List<String> args(List<HasMetadata> objects) {
    return ofKind(objects, Deployment.class).get(0).getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
  }

  @Test
  void eachJobNamespaceGetsARoleToReadPodsBoundToTheServersAccount() {
    var objects = StagingManifests.objects(install(List.of("sparkube", "team-a")));

    assertThat(ofKind(objects, Role.class)).extracting(r -> r.getMetadata().getNamespace())
        .containsExactly("sparkube", "team-a");
    assertThat(ofKind(objects, Role.class)).allSatisfy(role -> {
      assertThat(role.getMetadata().getName()).isEqualTo("sparkube-staging-sparkube");
      assertThat(role.getRules()).containsExactly(POD_READER);
    });
    assertThat(ofKind(objects, RoleBinding.class)).extracting(b -> b.getMetadata().getNamespace())
        .containsExactly("sparkube", "team-a");
    assertThat(ofKind(objects, RoleBinding.class)).allSatisfy(binding -> {
      assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
      assertThat(binding.getRoleRef().getName()).isEqualTo("sparkube-staging-sparkube");
      assertThat(binding.getSubjects()).containsExactly(SERVER_ACCOUNT);
    });
    assertThat(ofKind(objects, ClusterRole.class)).isEmpty();
    assertThat(ofKind(objects, ClusterRoleBinding.class)).isEmpty();
    assertThat(args(objects)).contains("--watch-jobs").containsSequence("--job-namespaces", "sparkube,team-a");
  }

  @Test
  void allNamespacesGetOneClusterRoleAndNoRoles() {
    var objects = StagingManifests.objects(install(List.of()));

    assertThat(ofKind(objects, ClusterRole.class)).singleElement().satisfies(role -> {
      assertThat(role.getMetadata().getName()).isEqualTo("sparkube-staging-sparkube");
      assertThat(role.getMetadata().getNamespace()).isNull();
      assertThat(role.getRules()).containsExactly(POD_READER);
    });
    assertThat(ofKind(objects, ClusterRoleBinding.class)).singleElement().satisfies(binding -> {
      assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
      assertThat(binding.getSubjects()).containsExactly(SERVER_ACCOUNT);
    });
    assertThat(ofKind(objects, Role.class)).isEmpty();
    assertThat(args(objects)).contains("--watch-jobs").doesNotContain("--job-namespaces");
  }

  @Test
  void theServerGetsAnApiTokenAndItsAccessComesBeforeItsDeployment() {
    var objects = StagingManifests.objects(install(List.of("sparkube")));

    assertThat(ofKind(objects, ServiceAccount.class).get(0).getAutomountServiceAccountToken()).isTrue();
    assertThat(ofKind(objects, Deployment.class).get(0).getSpec().getTemplate().getSpec()
        .getAutomountServiceAccountToken()).isTrue();
    assertThat(objects).extracting(HasMetadata::getKind).containsExactly("ServiceAccount", "Role", "RoleBinding",
        "PersistentVolumeClaim", "Deployment", "Service");
  }
}
