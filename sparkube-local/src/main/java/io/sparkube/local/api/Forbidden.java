package io.sparkube.local.api;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusDetailsBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sparkube.local.rbac.RequestAttributes;
import io.sparkube.local.rbac.UserInfo;

/**
 * The 403 a denied request gets, worded exactly as kube-apiserver words it, since people (and
 * tests) recognise and grep these messages, e.g. {@code pods "p" is forbidden: User "u" cannot get
 * resource "pods/log" in API group "" in the namespace "default"}.
 */
final class Forbidden {
  private Forbidden() {}

  static String message(UserInfo user, RequestAttributes request, String reason) {
    String denied;
    if (!request.resourceRequest()) {
      denied = "User \"%s\" cannot %s path \"%s\"".formatted(user.name(), request.verb(), request.path());
    } else {
      var scope = request.namespace().isEmpty() ? "at the cluster scope"
          : "in the namespace \"" + request.namespace() + "\"";
      denied = "User \"%s\" cannot %s resource \"%s\" in API group \"%s\" %s".formatted(user.name(), request.verb(),
          request.resourceAndSubresource(), request.apiGroup(), scope);
    }
    if (!reason.isEmpty()) {
      denied += ": " + reason;
    }
    var groupResource = request.apiGroup().isEmpty() ? request.resource()
        : request.resource() + "." + request.apiGroup();
    if (groupResource.isEmpty()) {
      return "forbidden: " + denied;
    }
    return request.name().isEmpty() ? groupResource + " is forbidden: " + denied
        : groupResource + " \"" + request.name() + "\" is forbidden: " + denied;
  }

  /** The Status body: reason Forbidden, details naming the group, resource (as kind) and name. */
  static String status(UserInfo user, RequestAttributes request, String reason) {
    var details = new StatusDetailsBuilder().withGroup(emptyToNull(request.apiGroup()))
        .withKind(emptyToNull(request.resource())).withName(emptyToNull(request.name())).build();
    return Serialization.asJson(new StatusBuilder().withApiVersion("v1").withKind("Status").withNewMetadata()
        .endMetadata().withStatus("Failure").withCode(403).withReason("Forbidden")
        .withMessage(message(user, request, reason)).withDetails(details).build());
  }

  private static String emptyToNull(String value) {
    return value.isEmpty() ? null : value;
  }
}
