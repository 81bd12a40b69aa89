package io.sparkube.local.rbac;

import static io.sparkube.local.rbac.TestingRbacObjects.group;
import static io.sparkube.local.rbac.TestingRbacObjects.serviceAccount;
import static io.sparkube.local.rbac.TestingRbacObjects.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class RbacAuthorizerTest {
  private static final UserInfo SPARK = UserInfo.serviceAccount("jobs", "spark");
  private static final PolicyRule MANAGE_PODS = new PolicyRuleBuilder().withApiGroups("").withResources("pods")
      .withVerbs("create", "get", "list", "watch", "delete").build();

  private final TestingRbacObjects objects = new TestingRbacObjects();
  private final RbacAuthorizer authorizer = new RbacAuthorizer(objects);

  private static RequestAttributes createPod(String namespace) {
    return RequestAttributes.resource("create", "", namespace, "pods", "", "");
  }

  @Test
  void nothingGrantedNothingAllowed() {
    assertThat(authorizer.authorize(SPARK, createPod("jobs"))).isEqualTo(new Decision(false, ""));
  }

  @Test
  void aRoleBindingGrantsItsRoleInItsNamespaceOnly() {
    objects.role("jobs", "driver", MANAGE_PODS).roleBinding("jobs", "driver", "Role", "driver",
        serviceAccount("jobs", "spark"));
    assertThat(authorizer.authorize(SPARK, createPod("jobs"))).isEqualTo(new Decision(true,
        "RBAC: allowed by RoleBinding \"driver/jobs\" of Role \"driver\" to ServiceAccount \"spark/jobs\""));
    assertThat(authorizer.authorize(SPARK, createPod("default")).allowed()).isFalse();
    assertThat(authorizer.authorize(SPARK, RequestAttributes.resource("list", "", "", "pods", "", "")).allowed())
        .isFalse();
    assertThat(authorizer.authorize(UserInfo.serviceAccount("jobs", "other"), createPod("jobs")).allowed()).isFalse();
    assertThat(authorizer.authorize(SPARK, RequestAttributes.resource("create", "", "jobs", "services", "", ""))
        .allowed()).isFalse();
  }

  @Test
  void aServiceAccountSubjectWithoutNamespaceIsTheBindingsOwn() {
    objects.role("jobs", "driver", MANAGE_PODS).roleBinding("jobs", "driver", "Role", "driver",
        serviceAccount(null, "spark"));
    assertThat(authorizer.authorize(SPARK, createPod("jobs")).allowed()).isTrue();
    assertThat(authorizer.authorize(UserInfo.serviceAccount("default", "spark"), createPod("jobs")).allowed())
        .isFalse();
  }

  @Test
  void aRoleBindingToAClusterRoleGrantsItOnlyInTheBindingsNamespace() {
    objects.clusterRole("pod-manager", MANAGE_PODS)
        .roleBinding("jobs", "pods", "ClusterRole", "pod-manager", serviceAccount("jobs", "spark"));
    assertThat(authorizer.authorize(SPARK, createPod("jobs")).reason())
        .isEqualTo("RBAC: allowed by RoleBinding \"pods/jobs\" of ClusterRole \"pod-manager\" "
            + "to ServiceAccount \"spark/jobs\"");
    assertThat(authorizer.authorize(SPARK, createPod("default")).allowed()).isFalse();
  }

  @Test
  void aClusterRoleBindingGrantsEverywhereAndAtTheClusterScope() {
    objects.clusterRole("pod-manager", MANAGE_PODS)
        .clusterRoleBinding("pods", "pod-manager", serviceAccount("jobs", "spark"));
    assertThat(authorizer.authorize(SPARK, createPod("default")).reason())
        .isEqualTo("RBAC: allowed by ClusterRoleBinding \"pods\" of ClusterRole \"pod-manager\" "
            + "to ServiceAccount \"spark/jobs\"");
    assertThat(authorizer.authorize(SPARK, RequestAttributes.resource("list", "", "", "pods", "", "")).allowed())
        .isTrue();
  }

  @Test
  void aRoleBindingInAnotherNamespaceCanNameThisServiceAccount() {
    objects.role("shared", "reader", MANAGE_PODS).roleBinding("shared", "reader", "Role", "reader",
        serviceAccount("jobs", "spark"));
    assertThat(authorizer.authorize(SPARK, createPod("shared")).allowed()).isTrue();
    assertThat(authorizer.authorize(SPARK, createPod("jobs")).allowed()).isFalse();
  }

  @Test
  void groupsAndUsers() {
    objects.clusterRole("pod-manager", MANAGE_PODS)
        .roleBinding("jobs", "all-accounts", "ClusterRole", "pod-manager", group("system:serviceaccounts:jobs"))
        .roleBinding("team", "alice", "ClusterRole", "pod-manager", user("alice"));
    assertThat(authorizer.authorize(SPARK, createPod("jobs")).reason())
        .isEqualTo("RBAC: allowed by RoleBinding \"all-accounts/jobs\" of ClusterRole \"pod-manager\" "
            + "to Group \"system:serviceaccounts:jobs\"");
    assertThat(authorizer.authorize(UserInfo.serviceAccount("default", "spark"), createPod("jobs")).allowed())
        .isFalse();
    var alice = new UserInfo("alice", List.of(UserInfo.AUTHENTICATED));
    assertThat(authorizer.authorize(alice, createPod("team")).allowed()).isTrue();
    assertThat(authorizer.authorize(SPARK, createPod("team")).allowed()).isFalse();
  }

  @Test
  void aBindingToAMissingRoleSaysSoOnDenial() {
    objects.roleBinding("jobs", "driver", "Role", "driver", serviceAccount("jobs", "spark"))
        .roleBinding("jobs", "more", "ClusterRole", "gone", serviceAccount("jobs", "spark"));
    assertThat(authorizer.authorize(SPARK, createPod("jobs"))).isEqualTo(new Decision(false,
        "RBAC: [role.rbac.authorization.k8s.io \"driver\" not found, "
            + "clusterrole.rbac.authorization.k8s.io \"gone\" not found]"));
    // The missing role only matters if nothing else allows the request.
    objects.role("jobs", "driver", MANAGE_PODS);
    assertThat(authorizer.authorize(SPARK, createPod("jobs")).allowed()).isTrue();
  }

  @Test
  void everyoneSignedInMayDiscoverAndAskAboutThemselves() {
    assertThat(authorizer.authorize(SPARK, RequestAttributes.nonResource("get", "/apis/apps/v1"))).isEqualTo(
        new Decision(true, "RBAC: allowed by ClusterRoleBinding \"system:discovery\" of ClusterRole "
            + "\"system:discovery\" to Group \"system:authenticated\""));
    assertThat(authorizer.authorize(SPARK, RequestAttributes.nonResource("get", "/version")).allowed()).isTrue();
    assertThat(authorizer.authorize(SPARK, RequestAttributes.nonResource("get", "/metrics")).allowed()).isFalse();
    assertThat(authorizer.authorize(SPARK, RequestAttributes.resource("create", "authorization.k8s.io", "",
        "selfsubjectaccessreviews", "", "")).allowed()).isTrue();
    assertThat(authorizer.authorize(SPARK, RequestAttributes.resource("create", "authorization.k8s.io", "",
        "subjectaccessreviews", "", "")).allowed()).isFalse();
    // A user outside system:authenticated (as a SubjectAccessReview may ask about) gets none of that.
    assertThat(authorizer.authorize(new UserInfo("nobody", List.of()), RequestAttributes.nonResource("get", "/api"))
        .allowed()).isFalse();
  }

  @Test
  void mastersMayDoAnything() {
    var admin = new UserInfo("sparkube:admin", List.of(UserInfo.MASTERS, UserInfo.AUTHENTICATED));
    assertThat(authorizer.authorize(admin, RequestAttributes.resource("deletecollection", "*", "", "nodes", "", "")))
        .isEqualTo(new Decision(true, ""));
    assertThat(authorizer.rulesFor(admin, "jobs").rules()).hasSize(2);
  }

  @Test
  void rulesForListsEveryGrantedRuleWithTheBootstrapOnes() {
    objects.role("jobs", "driver", MANAGE_PODS).roleBinding("jobs", "driver", "Role", "driver",
        serviceAccount("jobs", "spark")).roleBinding("jobs", "broken", "Role", "gone", serviceAccount("jobs", "spark"));
    var rules = authorizer.rulesFor(SPARK, "jobs");
    assertThat(rules.rules()).contains(MANAGE_PODS);
    assertThat(rules.rules()).anySatisfy(r -> assertThat(r.getResources()).contains("selfsubjectaccessreviews"));
    assertThat(rules.errors()).containsExactly("role.rbac.authorization.k8s.io \"gone\" not found");
    assertThat(authorizer.rulesFor(SPARK, "default").rules()).doesNotContain(MANAGE_PODS);
  }
}
