package io.sparkube.local.api;

import io.sparkube.local.rbac.UserInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who a request is, from its bearer token: the admin token of the kubeconfig (user
 * {@value #ADMIN}, in {@code system:masters} like kubeadm's admin), or a ServiceAccount JWT this
 * cluster signed (its {@code system:serviceaccount:NS:NAME} user and groups). Anonymous requests
 * are refused (401) except for what a real cluster shows everyone (version and health) and the
 * OIDC discovery documents, which external token verifiers fetch without credentials. What an
 * authenticated user may then do is {@link AccessControl}'s to decide, with RBAC.
 */
final class Authenticator {
  static final String ADMIN = "sparkube:admin";
  private static final Set<String> PUBLIC_PATHS = Set.of("/version", "/healthz", "/livez", "/readyz",
      "/.well-known/openid-configuration", ServiceAccountTokens.JWKS_PATH);

  private final byte[] adminToken;
  private final ServiceAccountTokens tokens;

  Authenticator(String adminToken, ServiceAccountTokens tokens) {
    this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
    this.tokens = tokens;
  }

  static boolean isPublic(String path) {
    return PUBLIC_PATHS.contains(path);
  }

  /** The user for this {@code Authorization} header value; empty when it proves nothing. */
  Optional<UserInfo> authenticate(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    var token = authorization.substring(7).strip();
    // Constant time: the admin token is a password.
    if (MessageDigest.isEqual(adminToken, token.getBytes(StandardCharsets.UTF_8))) {
      return Optional.of(userNamed(ADMIN));
    }
    return tokens.verify(token).map(Authenticator::userNamed);
  }

  /** The user of that name with the groups this authenticator gives it when it signs in. */
  static UserInfo userNamed(String name) {
    if (name.equals(ADMIN)) {
      return new UserInfo(ADMIN, List.of(UserInfo.MASTERS, UserInfo.AUTHENTICATED));
    }
    return UserInfo.serviceAccountOf(name).map(account -> UserInfo.serviceAccount(account.namespace(), account.name()))
        .orElseGet(() -> new UserInfo(name, List.of(UserInfo.AUTHENTICATED)));
  }
}
