package io.sparkube.local.api;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingList;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingList;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sparkube.local.rbac.RbacObjects;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The RBAC objects in the API server's store, read on every call: no cache to go stale. */
final class StoredRbac implements RbacObjects {
  private static final String RBAC = "/apis/rbac.authorization.k8s.io/v1";

  private final Function<String, Optional<String>> json;

  /** {@code json} answers a stored object or list by its path, as the store would to a GET. */
  StoredRbac(Function<String, Optional<String>> json) {
    this.json = json;
  }

  @Override
  public List<ClusterRoleBinding> clusterRoleBindings() {
    return json.apply(RBAC + "/clusterrolebindings")
        .map(list -> Serialization.unmarshal(list, ClusterRoleBindingList.class).getItems()).orElse(List.of());
  }

  @Override
  public List<RoleBinding> roleBindings(String namespace) {
    return json.apply(RBAC + "/namespaces/" + namespace + "/rolebindings")
        .map(list -> Serialization.unmarshal(list, RoleBindingList.class).getItems()).orElse(List.of());
  }

  @Override
  public Optional<ClusterRole> clusterRole(String name) {
    return json.apply(RBAC + "/clusterroles/" + name).map(o -> Serialization.unmarshal(o, ClusterRole.class));
  }

  @Override
  public Optional<Role> role(String namespace, String name) {
    return json.apply(RBAC + "/namespaces/" + namespace + "/roles/" + name)
        .map(o -> Serialization.unmarshal(o, Role.class));
  }
}
