package io.sparkube.local.api;

import io.sparkube.local.rbac.AuditLog;
import io.sparkube.local.rbac.RbacAuthorizer;
import io.sparkube.local.rbac.RequestAttributes;
import io.sparkube.local.rbac.UserInfo;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * kube-apiserver's filters for one request, in its order: authentication, impersonation, RBAC
 * authorization. Every decision about anyone but the admin goes to the audit log, which is how
 * tests prove what a workload's ServiceAccount actually used.
 */
final class AccessControl {
  static final String IMPERSONATE_USER = "Impersonate-User";
  static final String IMPERSONATE_GROUP = "Impersonate-Group";
  private static final String ANONYMOUS = "system:anonymous";

  /** What to do with a request: serve it as {@code user}, or answer {@code code} with a Status {@code body}. */
  sealed interface Outcome permits Admitted, Refused {}

  record Admitted(UserInfo user, RequestAttributes request) implements Outcome {}

  record Refused(int code, String body) implements Outcome {}

  private final Authenticator authenticator;
  private final RbacAuthorizer authorizer;
  private final AuditLog audit;

  AccessControl(Authenticator authenticator, RbacAuthorizer authorizer, AuditLog audit) {
    this.authenticator = authenticator;
    this.authorizer = authorizer;
    this.audit = audit;
  }

  /** {@code headers} gives all values of a header (none: an empty list). */
  Outcome admit(String method, String path, Function<String, String> queryParam,
      Function<String, List<String>> headers) {
    var caller = authenticator.authenticate(first(headers.apply("Authorization")).orElse(null));
    if (caller.isEmpty()) {
      return new Refused(401, ApiStatus.json(401, "Unauthorized", "Unauthorized"));
    }
    try {
      var user = caller.get();
      var requestedUser = first(headers.apply(IMPERSONATE_USER));
      var requestedGroups = headers.apply(IMPERSONATE_GROUP);
      if (requestedUser.isEmpty() && !requestedGroups.isEmpty()) {
        return new Refused(400, ApiStatus.json(400, "BadRequest",
            "requested groups " + requestedGroups + " without impersonating a user"));
      }
      if (requestedUser.isPresent()) {
        var refused = refusedImpersonation(user, requestedUser.get(), requestedGroups);
        if (refused.isPresent()) {
          return refused.get();
        }
        user = impersonated(requestedUser.get(), requestedGroups);
      }
      var request = RequestAttributes.of(method, path, queryParam);
      return decide(user, request);
    } catch (UncheckedIOException e) {
      // The audit log is evidence: a decision that cannot be recorded is not served.
      return new Refused(500, ApiStatus.json(500, "InternalError", e.getMessage()));
    }
  }

  /** Refused unless the caller may impersonate the user and each group (RBAC verb {@code impersonate}). */
  private Optional<Refused> refusedImpersonation(UserInfo caller, String userName, List<String> groups) {
    var account = UserInfo.serviceAccountOf(userName);
    var checks = new ArrayList<RequestAttributes>();
    checks.add(account.map(a -> RequestAttributes.resource("impersonate", "", a.namespace(), "serviceaccounts", "",
        a.name())).orElseGet(() -> RequestAttributes.resource("impersonate", "", "", "users", "", userName)));
    groups.forEach(g -> checks.add(RequestAttributes.resource("impersonate", "", "", "groups", "", g)));
    for (var check : checks) {
      if (decide(caller, check) instanceof Refused refused) {
        return Optional.of(refused);
      }
    }
    return Optional.empty();
  }

  /** As in kube: a ServiceAccount without groups requested gets its own; all are {@code system:authenticated}. */
  private static UserInfo impersonated(String userName, List<String> requestedGroups) {
    var groups = new ArrayList<>(requestedGroups);
    var account = UserInfo.serviceAccountOf(userName);
    if (groups.isEmpty() && account.isPresent()) {
      groups.addAll(UserInfo.serviceAccountGroups(account.get().namespace()));
    }
    if (!userName.equals(ANONYMOUS) && !groups.contains(UserInfo.AUTHENTICATED)) {
      groups.add(UserInfo.AUTHENTICATED);
    }
    return new UserInfo(userName, groups);
  }

  private Outcome decide(UserInfo user, RequestAttributes request) {
    var decision = authorizer.authorize(user, request);
    if (!user.name().equals(Authenticator.ADMIN)) {
      audit.record(user, request, decision.allowed());
    }
    return decision.allowed() ? new Admitted(user, request)
        : new Refused(403, Forbidden.status(user, request, decision.reason()));
  }

  private static Optional<String> first(List<String> values) {
    return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
  }
}
