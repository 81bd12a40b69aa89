package io.sparkube.cli.controlplane;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.RoleRefBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The control plane's grants ({@link ControlPlaneRules}): one ClusterRole and its binding when
 * jobs may run in any namespace; else a ClusterRole for what is cluster-scoped, and a Role and
 * RoleBinding for the job objects (and the operator's watches of them) in each job namespace.
 */
final class ControlPlaneRbac {
  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

  private ControlPlaneRbac() {}

  static List<HasMetadata> objects(ControlPlaneInstall install) {
    var clusterRules = new ArrayList<>(ControlPlaneRules.clusterScoped());
    if (install.runsJobsInAllNamespaces()) {
      clusterRules.addAll(ControlPlaneRules.informers());
      clusterRules.addAll(ControlPlaneRules.jobNamespace());
    }
    var objects = new ArrayList<HasMetadata>(List.of(clusterRole(install, clusterRules),
        clusterRoleBinding(install)));
    for (var namespace : install.jobNamespaces()) {
      objects.add(role(install, namespace));
      objects.add(roleBinding(install, namespace));
    }
    return objects;
  }

  private static HasMetadata clusterRole(ControlPlaneInstall install, List<PolicyRule> rules) {
    return new ClusterRoleBuilder().withNewMetadata().withName(install.accessName())
        .withLabels(ControlPlaneManifests.labels()).endMetadata()
        .withRules(rules).build();
  }

  private static HasMetadata clusterRoleBinding(ControlPlaneInstall install) {
    return new ClusterRoleBindingBuilder().withNewMetadata().withName(install.accessName())
        .withLabels(ControlPlaneManifests.labels()).endMetadata()
        .withRoleRef(roleRef("ClusterRole", install)).withSubjects(serviceAccount(install)).build();
  }

  private static HasMetadata role(ControlPlaneInstall install, String namespace) {
    return new RoleBuilder().withNewMetadata().withName(install.accessName()).withNamespace(namespace)
        .withLabels(ControlPlaneManifests.labels()).endMetadata()
        .withRules(namespaceRules()).build();
  }

  /** In a listed namespace the operator's informers list and watch there only. */
  private static List<PolicyRule> namespaceRules() {
    var rules = new ArrayList<>(ControlPlaneRules.informers());
    rules.addAll(ControlPlaneRules.jobNamespace());
    return rules;
  }

  private static HasMetadata roleBinding(ControlPlaneInstall install, String namespace) {
    return new RoleBindingBuilder().withNewMetadata().withName(install.accessName()).withNamespace(namespace)
        .withLabels(ControlPlaneManifests.labels()).endMetadata()
        .withRoleRef(roleRef("Role", install)).withSubjects(serviceAccount(install)).build();
  }

  private static RoleRef roleRef(String kind, ControlPlaneInstall install) {
    return new RoleRefBuilder().withApiGroup(RBAC_GROUP).withKind(kind).withName(install.accessName()).build();
  }

  private static Subject serviceAccount(ControlPlaneInstall install) {
    return new SubjectBuilder().withKind("ServiceAccount").withName(ControlPlaneInstall.NAME)
        .withNamespace(install.namespace()).build();
  }
}
