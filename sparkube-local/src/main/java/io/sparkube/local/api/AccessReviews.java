package io.sparkube.local.api;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.authorization.v1.LocalSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.NonResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.NonResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewSpec;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewSpec;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectRulesReviewStatus;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.sparkube.local.rbac.Decision;
import io.sparkube.local.rbac.RbacAuthorizer;
import io.sparkube.local.rbac.RequestAttributes;
import io.sparkube.local.rbac.UserInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The "may X do Y?" questions of {@code authorization.k8s.io/v1}, answered by the same authorizer
 * that guards requests and never stored: SubjectAccessReview (any user and groups),
 * LocalSubjectAccessReview (the same, within one namespace), SelfSubjectAccessReview (the caller:
 * {@code kubectl auth can-i}) and SelfSubjectRulesReview (the caller's rules: {@code can-i --list}).
 * Whether the caller may ask at all was decided before, like any other create.
 */
final class AccessReviews {
  private static final Pattern PATH = Pattern.compile("/apis/authorization\\.k8s\\.io/v1/(?:namespaces/([^/]+)/)?"
      + "(subjectaccessreviews|localsubjectaccessreviews|selfsubjectaccessreviews|selfsubjectrulesreviews)");

  private final RbacAuthorizer authorizer;

  AccessReviews(RbacAuthorizer authorizer) {
    this.authorizer = authorizer;
  }

  static boolean matches(String method, String path) {
    return method.equals("POST") && PATH.matcher(path).matches();
  }

  /**
   * The review in {@code body} (JSON, YAML or Kubernetes protobuf, by {@code contentType}) posted
   * to {@code path} by {@code caller}, answered in JSON with its status filled in (201).
   */
  MockResponse answer(String path, String contentType, byte[] body, UserInfo caller) {
    String text;
    try {
      text = body == null ? null : contentType != null && contentType.startsWith(ProtobufReviews.CONTENT_TYPE)
          ? ProtobufReviews.json(body) : new String(body, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return ApiStatus.response(400, "BadRequest", "cannot read the request body: " + e.getMessage());
    }
    return answer(path, text, caller);
  }

  private MockResponse answer(String path, String body, UserInfo caller) {
    var matcher = PATH.matcher(path);
    matcher.matches();
    var namespace = matcher.group(1);
    var resource = matcher.group(2);
    if (resource.equals("localsubjectaccessreviews") != (namespace != null)) {
      return ApiStatus.response(404, "NotFound", "the server could not find the requested resource");
    }
    try {
      return switch (resource) {
        case "subjectaccessreviews" -> subjectAccessReview(parse(body, SubjectAccessReview.class));
        case "localsubjectaccessreviews" -> localSubjectAccessReview(parse(body, LocalSubjectAccessReview.class),
            namespace);
        case "selfsubjectaccessreviews" -> selfSubjectAccessReview(parse(body, SelfSubjectAccessReview.class), caller);
        default -> selfSubjectRulesReview(parse(body, SelfSubjectRulesReview.class), caller);
      };
    } catch (UnreadableBody e) {
      return ApiStatus.response(400, "BadRequest", e.getMessage());
    }
  }

  private MockResponse subjectAccessReview(SubjectAccessReview review) {
    var spec = review.getSpec() == null ? new SubjectAccessReviewSpec() : review.getSpec();
    var invalid = invalidSubject(spec);
    if (invalid != null) {
      return invalid("SubjectAccessReview", invalid);
    }
    review.setStatus(status(authorizer.authorize(subject(spec), attributes(spec.getResourceAttributes(),
        spec.getNonResourceAttributes()))));
    return created(review);
  }

  private MockResponse localSubjectAccessReview(LocalSubjectAccessReview review, String namespace) {
    if (review.getMetadata() == null) {
      review.setMetadata(new ObjectMeta());
    }
    var declared = review.getMetadata().getNamespace();
    if (declared != null && !declared.isEmpty() && !declared.equals(namespace)) {
      return ApiStatus.response(400, "BadRequest",
          "the namespace of the provided object does not match the namespace sent on the request");
    }
    review.getMetadata().setNamespace(namespace);
    var spec = review.getSpec() == null ? new SubjectAccessReviewSpec() : review.getSpec();
    var invalid = invalidSubject(spec);
    if (invalid == null && spec.getNonResourceAttributes() != null) {
      invalid = "spec.nonResourceAttributes: Invalid value: disallowed on this kind of request";
    } else if (invalid == null && !namespace.equals(spec.getResourceAttributes().getNamespace())) {
      invalid = "spec.resourceAttributes.namespace: Invalid value: \"%s\": must match metadata.namespace"
          .formatted(orEmpty(spec.getResourceAttributes().getNamespace()));
    }
    if (invalid != null) {
      return invalid("LocalSubjectAccessReview", invalid);
    }
    review.setStatus(status(authorizer.authorize(subject(spec), attributes(spec.getResourceAttributes(), null))));
    return created(review);
  }

  private MockResponse selfSubjectAccessReview(SelfSubjectAccessReview review, UserInfo caller) {
    var spec = review.getSpec() == null ? new SelfSubjectAccessReviewSpec() : review.getSpec();
    var invalid = invalidAttributes(spec.getResourceAttributes(), spec.getNonResourceAttributes());
    if (invalid != null) {
      return invalid("SelfSubjectAccessReview", invalid);
    }
    review.setStatus(status(authorizer.authorize(caller, attributes(spec.getResourceAttributes(),
        spec.getNonResourceAttributes()))));
    return created(review);
  }

  private MockResponse selfSubjectRulesReview(SelfSubjectRulesReview review, UserInfo caller) {
    var namespace = review.getSpec() == null ? "" : orEmpty(review.getSpec().getNamespace());
    var found = authorizer.rulesFor(caller, namespace);
    var status = new SubjectRulesReviewStatus();
    status.setResourceRules(found.rules().stream().filter(r -> r.getResources() != null && !r.getResources().isEmpty())
        .map(r -> new ResourceRule(r.getApiGroups(), r.getResourceNames(), r.getResources(), r.getVerbs())).toList());
    status.setNonResourceRules(found.rules().stream()
        .filter(r -> r.getNonResourceURLs() != null && !r.getNonResourceURLs().isEmpty())
        .map(r -> new NonResourceRule(r.getNonResourceURLs(), r.getVerbs())).toList());
    status.setIncomplete(!found.errors().isEmpty());
    if (!found.errors().isEmpty()) {
      status.setEvaluationError(String.join(", ", found.errors()));
    }
    review.setStatus(status);
    return created(review);
  }

  /**
   * The user and groups a SubjectAccessReview asks about. Without groups, those this cluster
   * gives that user when it signs in (a ServiceAccount's groups, say), so the answer is the one
   * its requests would get; kube-apiserver would take the empty group list literally.
   */
  private static UserInfo subject(SubjectAccessReviewSpec spec) {
    var name = orEmpty(spec.getUser());
    var groups = spec.getGroups() == null ? List.<String>of() : spec.getGroups();
    return groups.isEmpty() ? Authenticator.userNamed(name) : new UserInfo(name, groups);
  }

  private static String invalidSubject(SubjectAccessReviewSpec spec) {
    if (orEmpty(spec.getUser()).isEmpty() && (spec.getGroups() == null || spec.getGroups().isEmpty())) {
      return "spec.user: Invalid value: \"\": at least one of user or group must be specified";
    }
    return invalidAttributes(spec.getResourceAttributes(), spec.getNonResourceAttributes());
  }

  private static String invalidAttributes(ResourceAttributes resource, NonResourceAttributes nonResource) {
    if (resource != null && nonResource != null) {
      return "spec.nonResourceAttributes: Invalid value: cannot be specified in combination with resourceAttributes";
    }
    if (resource == null && nonResource == null) {
      return "spec.resourceAttributes: Invalid value: "
          + "exactly one of nonResourceAttributes or resourceAttributes must be specified";
    }
    return null;
  }

  private static RequestAttributes attributes(ResourceAttributes resource, NonResourceAttributes nonResource) {
    if (resource != null) {
      return RequestAttributes.resource(resource.getVerb(), resource.getGroup(), resource.getNamespace(),
          resource.getResource(), resource.getSubresource(), resource.getName());
    }
    return RequestAttributes.nonResource(nonResource.getVerb(), nonResource.getPath());
  }

  private static SubjectAccessReviewStatus status(Decision decision) {
    return new SubjectAccessReviewStatus(decision.allowed(), null, null,
        decision.reason().isEmpty() ? null : decision.reason());
  }

  private static MockResponse created(HasMetadata review) {
    if (review.getMetadata() == null) {
      review.setMetadata(new ObjectMeta());
    }
    return ApiStatus.json(201, Serialization.asJson(review));
  }

  private static MockResponse invalid(String kind, String detail) {
    return ApiStatus.response(422, "Invalid", kind + ".authorization.k8s.io \"\" is invalid: " + detail);
  }

  private static <T> T parse(String body, Class<T> type) {
    if (body == null || body.isBlank()) {
      throw new UnreadableBody("the request has no body");
    }
    try {
      return Serialization.unmarshal(body, type);
    } catch (RuntimeException e) {
      throw new UnreadableBody("cannot read the request body: " + e.getMessage());
    }
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static final class UnreadableBody extends RuntimeException {
    UnreadableBody(String message) {
      super(message);
    }
  }
}
