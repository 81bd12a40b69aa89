package io.sparkube.local.api;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Who a request is, from its bearer token: the admin token of the kubeconfig, or a ServiceAccount
 * JWT this cluster signed. Anonymous requests are refused (401) except for what a real cluster
 * shows everyone (version and health) and the OIDC discovery documents, which external token
 * verifiers fetch without credentials. Authorization is not done: an authenticated caller may do
 * anything (RBAC objects are stored, not enforced).
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

  /** The user name for this {@code Authorization} header value; empty when it proves nothing. */
  Optional<String> authenticate(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    var token = authorization.substring(7).strip();
    // Constant time: the admin token is a password.
    if (MessageDigest.isEqual(adminToken, token.getBytes(StandardCharsets.UTF_8))) {
      return Optional.of(ADMIN);
    }
    return tokens.verify(token);
  }
}
