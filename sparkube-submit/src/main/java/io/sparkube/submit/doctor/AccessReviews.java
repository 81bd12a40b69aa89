package io.sparkube.submit.doctor;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Optional;

/**
 * Asks the API server whether a user may do something, as {@code kubectl auth can-i} does: a
 * SubjectAccessReview for another user, a SelfSubjectAccessReview for the caller.
 */
final class AccessReviews {
  private final KubernetesClient client;

  AccessReviews(KubernetesClient client) {
    this.client = client;
  }

  /** Whether {@code user} may; empty when the caller may not ask (no create on subjectaccessreviews). */
  Optional<Boolean> may(String user, List<String> groups, String verb, String group, String resource,
      String namespace) {
    var review = new SubjectAccessReviewBuilder().withNewSpec().withUser(user).withGroups(groups)
        .withResourceAttributes(attributes(verb, group, resource, namespace)).endSpec().build();
    try {
      return Optional.of(allowed(client.authorization().v1().subjectAccessReview().create(review).getStatus()));
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Whether the caller may. */
  boolean callerMay(String verb, String group, String resource, String namespace) {
    var review = new SelfSubjectAccessReviewBuilder().withNewSpec()
        .withResourceAttributes(attributes(verb, group, resource, namespace)).endSpec().build();
    return allowed(client.authorization().v1().selfSubjectAccessReview().create(review).getStatus());
  }

  private static io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes attributes(String verb,
      String group, String resource, String namespace) {
    var slash = resource.indexOf('/');
    return new ResourceAttributesBuilder().withVerb(verb).withGroup(group).withNamespace(namespace)
        .withResource(slash < 0 ? resource : resource.substring(0, slash))
        .withSubresource(slash < 0 ? null : resource.substring(slash + 1)).build();
  }

  private static boolean allowed(SubjectAccessReviewStatus status) {
    return status != null && Boolean.TRUE.equals(status.getAllowed());
  }
}
