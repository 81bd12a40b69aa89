package io.sparkube.local.rbac;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** RBAC objects held in lists, built with short helpers, for authorizer tests. */
final class TestingRbacObjects implements RbacObjects {
  private final List<ClusterRoleBinding> clusterRoleBindings = new ArrayList<>();
  private final List<RoleBinding> roleBindings = new ArrayList<>();
  private final List<ClusterRole> clusterRoles = new ArrayList<>();
  private final List<Role> roles = new ArrayList<>();

  TestingRbacObjects role(String namespace, String name, PolicyRule... rules) {
    roles.add(new RoleBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
        .withRules(rules).build());
    return this;
  }

  TestingRbacObjects clusterRole(String name, PolicyRule... rules) {
    clusterRoles.add(new ClusterRoleBuilder().withNewMetadata().withName(name).endMetadata().withRules(rules).build());
    return this;
  }

  TestingRbacObjects roleBinding(String namespace, String name, String roleKind, String role, Subject... subjects) {
    roleBindings.add(new RoleBindingBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", roleKind, role).withSubjects(subjects).build());
    return this;
  }

  TestingRbacObjects clusterRoleBinding(String name, String role, Subject... subjects) {
    clusterRoleBindings.add(new ClusterRoleBindingBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", role).withSubjects(subjects).build());
    return this;
  }

  static Subject serviceAccount(String namespace, String name) {
    return new Subject(null, "ServiceAccount", name, namespace);
  }

  static Subject user(String name) {
    return new Subject("rbac.authorization.k8s.io", "User", name, null);
  }

  static Subject group(String name) {
    return new Subject("rbac.authorization.k8s.io", "Group", name, null);
  }

  @Override
  public List<ClusterRoleBinding> clusterRoleBindings() {
    return List.copyOf(clusterRoleBindings);
  }

  @Override
  public List<RoleBinding> roleBindings(String namespace) {
    return roleBindings.stream().filter(b -> b.getMetadata().getNamespace().equals(namespace)).toList();
  }

  @Override
  public Optional<ClusterRole> clusterRole(String name) {
    return clusterRoles.stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
  }

  @Override
  public Optional<Role> role(String namespace, String name) {
    return roles.stream().filter(r -> r.getMetadata().getNamespace().equals(namespace)
        && r.getMetadata().getName().equals(name)).findFirst();
  }
}
