package io.sparkube.local.api;

import static io.sparkube.local.api.TestingCluster.SPARK_USER;
import static io.sparkube.local.api.TestingCluster.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.authorization.v1.LocalSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** authorization.k8s.io/v1 access reviews against the cluster's API server, through fabric8. */
class AccessReviewsTest {
  @TempDir
  Path state;

  private static SubjectAccessReview canCreatePods(String user) {
    return new SubjectAccessReviewBuilder().withNewSpec().withUser(user).withNewResourceAttributes()
        .withNamespace("default").withVerb("create").withResource("pods").endResourceAttributes().endSpec().build();
  }

  @Test
  void subjectAccessReviewsAnswerForAnyUserAndNameTheAllowingBinding() {
    try (var cluster = new TestingCluster(state)) {
      var reviews = cluster.admin.authorization().v1().subjectAccessReview();
      assertThat(reviews.create(canCreatePods(SPARK_USER)).getStatus().getAllowed()).isFalse();
      cluster.grant("driver", rule("pods", "create"));
      var answer = reviews.create(canCreatePods(SPARK_USER));
      assertThat(answer.getStatus().getAllowed()).isTrue();
      assertThat(answer.getStatus().getReason()).isEqualTo("RBAC: allowed by RoleBinding \"driver/default\" of Role "
          + "\"driver\" to ServiceAccount \"spark/default\"");
      assertThat(answer.getSpec().getUser()).isEqualTo(SPARK_USER);
      // Groups given are taken as they are: the account's name alone in another group gets nothing more.
      var asGroupMember = canCreatePods("someone");
      asGroupMember.getSpec().getGroups().add("system:serviceaccounts:default");
      assertThat(reviews.create(asGroupMember).getStatus().getAllowed()).isFalse();
      // Never stored.
      assertThat(cluster.admin.genericKubernetesResources("authorization.k8s.io/v1", "SubjectAccessReview").list()
          .getItems()).isEmpty();
    }
  }

  @Test
  void askingAboutOthersNeedsPermissionAskingAboutYourselfDoesNot() {
    try (var cluster = new TestingCluster(state)) {
      var denied = catchThrowableOfType(KubernetesClientException.class,
          () -> cluster.spark.authorization().v1().subjectAccessReview().create(canCreatePods(SPARK_USER)));
      assertThat(denied.getCode()).isEqualTo(403);
      assertThat(denied.getStatus().getMessage()).isEqualTo("subjectaccessreviews.authorization.k8s.io is forbidden: "
          + "User \"" + SPARK_USER + "\" cannot create resource \"subjectaccessreviews\" in API group "
          + "\"authorization.k8s.io\" at the cluster scope");

      cluster.grant("driver", rule("pods", "create"));
      var self = cluster.spark.authorization().v1().selfSubjectAccessReview().create(
          new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes().withNamespace("default")
              .withVerb("create").withResource("pods").endResourceAttributes().endSpec().build());
      assertThat(self.getStatus().getAllowed()).isTrue();
      var deleting = cluster.spark.authorization().v1().selfSubjectAccessReview().create(
          new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes().withNamespace("default")
              .withVerb("delete").withResource("pods").withName("driver").endResourceAttributes().endSpec().build());
      assertThat(deleting.getStatus().getAllowed()).isFalse();
      var discovery = cluster.spark.authorization().v1().selfSubjectAccessReview().create(
          new SelfSubjectAccessReviewBuilder().withNewSpec().withNewNonResourceAttributes().withPath("/apis")
              .withVerb("get").endNonResourceAttributes().endSpec().build());
      assertThat(discovery.getStatus().getAllowed()).isTrue();
    }
  }

  @Test
  void localSubjectAccessReviewsStayInTheirNamespace() {
    try (var cluster = new TestingCluster(state)) {
      cluster.grant("driver", rule("pods", "create"));
      var review = new LocalSubjectAccessReviewBuilder().withNewMetadata().withNamespace("default").endMetadata()
          .withNewSpec().withUser(SPARK_USER).withNewResourceAttributes().withNamespace("default").withVerb("create")
          .withResource("pods").endResourceAttributes().endSpec().build();
      var local = cluster.admin.authorization().v1().localSubjectAccessReview().inNamespace("default");
      assertThat(local.create(review).getStatus().getAllowed()).isTrue();
      review.getSpec().getResourceAttributes().setNamespace("kube-system");
      var invalid = catchThrowableOfType(KubernetesClientException.class, () -> local.create(review));
      assertThat(invalid.getCode()).isEqualTo(422);
      assertThat(invalid.getStatus().getMessage()).contains("must match metadata.namespace");
    }
  }

  @Test
  void selfSubjectRulesReviewsListWhatTheCallerMayDo() {
    try (var cluster = new TestingCluster(state)) {
      cluster.grant("driver", rule("pods", "create", "get"));
      var status = cluster.spark.authorization().v1().selfSubjectRulesReview().create(
          new SelfSubjectRulesReviewBuilder().withNewSpec().withNamespace("default").endSpec().build()).getStatus();
      assertThat(status.getIncomplete()).isFalse();
      assertThat(status.getResourceRules()).anySatisfy(r -> {
        assertThat(r.getResources()).containsExactly("pods");
        assertThat(r.getVerbs()).containsExactly("create", "get");
      });
      assertThat(status.getNonResourceRules()).anySatisfy(r -> assertThat(r.getNonResourceURLs()).contains("/apis/*"));
    }
  }

  @Test
  void discoveryListsTheReviews() {
    try (var cluster = new TestingCluster(state)) {
      var resources = cluster.admin.getApiResources("authorization.k8s.io/v1").getResources();
      assertThat(resources).extracting(r -> r.getName()).containsExactlyInAnyOrder("subjectaccessreviews",
          "selfsubjectaccessreviews", "selfsubjectrulesreviews", "localsubjectaccessreviews");
      assertThat(resources).allSatisfy(r -> assertThat(r.getVerbs()).containsExactly("create"));
    }
  }
}
