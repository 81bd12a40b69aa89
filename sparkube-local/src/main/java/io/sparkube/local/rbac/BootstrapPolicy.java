package io.sparkube.local.rbac;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.util.List;
import java.util.Optional;

/**
 * The ClusterRoles and bindings every kube-apiserver starts with that matter here, under their
 * real names so decisions read the same: discovery, version and health for everyone signed in,
 * the OIDC documents for ServiceAccounts, and asking "can I?" (self access and rules reviews).
 * They live in code, not in the store: no one can delete them by accident.
 */
final class BootstrapPolicy {
  private static final List<String> GET = List.of("get");
  private static final List<String> PUBLIC_INFO = List.of("/healthz", "/livez", "/readyz", "/version", "/version/");

  private static final List<ClusterRole> ROLES = List.of(
      role("system:discovery", nonResource("/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi",
          "/openapi/*", "/readyz", "/version", "/version/")),
      role("system:public-info-viewer",
          new PolicyRuleBuilder().withVerbs(GET).withNonResourceURLs(PUBLIC_INFO).build()),
      role("system:basic-user",
          new PolicyRuleBuilder().withApiGroups("authorization.k8s.io").withVerbs("create")
              .withResources("selfsubjectaccessreviews", "selfsubjectrulesreviews").build(),
          new PolicyRuleBuilder().withApiGroups("authentication.k8s.io").withVerbs("create")
              .withResources("selfsubjectreviews").build()),
      role("system:service-account-issuer-discovery", nonResource("/.well-known/openid-configuration",
          "/.well-known/openid-configuration/", "/openid/v1/jwks", "/openid/v1/jwks/")));

  static final List<ClusterRoleBinding> BINDINGS = List.of(
      binding("system:discovery", UserInfo.AUTHENTICATED),
      binding("system:public-info-viewer", UserInfo.AUTHENTICATED),
      binding("system:basic-user", UserInfo.AUTHENTICATED),
      binding("system:service-account-issuer-discovery", UserInfo.SERVICE_ACCOUNTS));

  private BootstrapPolicy() {}

  static Optional<ClusterRole> role(String name) {
    return ROLES.stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
  }

  private static ClusterRole role(String name, PolicyRule... rules) {
    return new ClusterRoleBuilder().withNewMetadata().withName(name).endMetadata().withRules(rules).build();
  }

  private static PolicyRule nonResource(String... urls) {
    return new PolicyRuleBuilder().withVerbs(GET).withNonResourceURLs(urls).build();
  }

  private static ClusterRoleBinding binding(String role, String group) {
    return new ClusterRoleBindingBuilder().withNewMetadata().withName(role).endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", role)
        .addNewSubject("rbac.authorization.k8s.io", "Group", group, null).build();
  }
}
