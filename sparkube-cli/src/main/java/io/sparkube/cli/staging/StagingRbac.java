package io.sparkube.cli.staging;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.RoleRefBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The staging server's only access to the API: get, list and watch on pods, to see drivers end.
 * A Role and RoleBinding in each job namespace, or a ClusterRole and ClusterRoleBinding when it
 * watches all namespaces. They are named after the install's namespace, so two installs watching
 * one namespace each keep their own binding.
 */
final class StagingRbac {
  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

  private StagingRbac() {}

  static List<HasMetadata> objects(StagingInstall install) {
    if (install.watchesAllNamespaces()) {
      return List.of(clusterRole(install), clusterRoleBinding(install));
    }
    var objects = new ArrayList<HasMetadata>();
    for (var namespace : install.jobNamespaces()) {
      objects.add(role(install, namespace));
      objects.add(roleBinding(install, namespace));
    }
    return objects;
  }

  private static PolicyRule podReader() {
    return new PolicyRuleBuilder().withApiGroups("").withResources("pods").withVerbs("get", "list", "watch").build();
  }

  private static HasMetadata role(StagingInstall install, String namespace) {
    return new RoleBuilder().withNewMetadata().withName(install.podReaderName()).withNamespace(namespace)
        .withLabels(StagingManifests.labels()).endMetadata()
        .withRules(podReader()).build();
  }

  private static HasMetadata roleBinding(StagingInstall install, String namespace) {
    return new RoleBindingBuilder().withNewMetadata().withName(install.podReaderName()).withNamespace(namespace)
        .withLabels(StagingManifests.labels()).endMetadata()
        .withRoleRef(roleRef("Role", install)).withSubjects(serviceAccount(install)).build();
  }

  private static HasMetadata clusterRole(StagingInstall install) {
    return new ClusterRoleBuilder().withNewMetadata().withName(install.podReaderName())
        .withLabels(StagingManifests.labels()).endMetadata()
        .withRules(podReader()).build();
  }

  private static HasMetadata clusterRoleBinding(StagingInstall install) {
    return new ClusterRoleBindingBuilder().withNewMetadata().withName(install.podReaderName())
        .withLabels(StagingManifests.labels()).endMetadata()
        .withRoleRef(roleRef("ClusterRole", install)).withSubjects(serviceAccount(install)).build();
  }

  private static RoleRef roleRef(String kind, StagingInstall install) {
    return new RoleRefBuilder().withApiGroup(RBAC_GROUP).withKind(kind).withName(install.podReaderName()).build();
  }

  private static Subject serviceAccount(StagingInstall install) {
    return new SubjectBuilder().withKind("ServiceAccount").withName(StagingInstall.NAME)
        .withNamespace(install.namespace()).build();
  }
}
