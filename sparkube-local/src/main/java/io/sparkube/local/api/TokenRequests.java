package io.sparkube.local.api;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestStatus;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/namespaces/{ns}/serviceaccounts/{sa}/token}: a signed token for an existing
 * account; {@code expirationSeconds} defaults to one hour (at least ten minutes), audiences to the
 * issuer, and a {@code boundObjectRef} to an existing pod binds the token to it.
 */
final class TokenRequests {
  static final Pattern PATH = Pattern.compile("/api/v1/namespaces/([^/]+)/serviceaccounts/([^/]+)/token");
  private static final long DEFAULT_EXPIRATION_SECONDS = 3600;

  private final ServiceAccountTokens tokens;
  private final Clock clock;

  TokenRequests(ServiceAccountTokens tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  /** {@code lookup} finds a stored object by its item path. */
  MockResponse create(String path, String body, Function<String, Optional<GenericKubernetesResource>> lookup) {
    var matcher = PATH.matcher(path);
    matcher.matches();
    var namespace = matcher.group(1);
    var name = matcher.group(2);
    var account = lookup.apply("/api/v1/namespaces/" + namespace + "/serviceaccounts/" + name);
    if (account.isEmpty()) {
      return ApiStatus.response(404, "NotFound", "serviceaccounts \"" + name + "\" not found");
    }
    var request = body == null || body.isBlank() ? new TokenRequest() : Serialization.unmarshal(body, TokenRequest.class);
    var spec = request.getSpec();
    long seconds = spec != null && spec.getExpirationSeconds() != null ? spec.getExpirationSeconds()
        : DEFAULT_EXPIRATION_SECONDS;
    List<String> audiences = spec != null && spec.getAudiences() != null ? spec.getAudiences() : List.of();
    String podName = null;
    String podUid = null;
    var bound = spec == null ? null : spec.getBoundObjectRef();
    if (bound != null && "Pod".equals(bound.getKind())) {
      var pod = lookup.apply("/api/v1/namespaces/" + namespace + "/pods/" + bound.getName());
      if (pod.isEmpty() || (bound.getUid() != null && !bound.getUid().equals(pod.get().getMetadata().getUid()))) {
        return ApiStatus.response(404, "NotFound", "pods \"" + bound.getName() + "\" not found");
      }
      podName = pod.get().getMetadata().getName();
      podUid = pod.get().getMetadata().getUid();
    }
    TokenClaims claims;
    try {
      claims = new TokenClaims(namespace, name, account.get().getMetadata().getUid(), audiences,
          Duration.ofSeconds(seconds), podName, podUid);
    } catch (IllegalArgumentException e) {
      return ApiStatus.response(422, "Invalid", e.getMessage());
    }
    var token = tokens.issue(claims);
    var expires = clock.instant().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
    request.setApiVersion("authentication.k8s.io/v1");
    request.setKind("TokenRequest");
    if (request.getMetadata() == null) {
      request.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
    }
    request.getMetadata().setName(name);
    request.getMetadata().setNamespace(namespace);
    var status = new TokenRequestStatus();
    status.setToken(token);
    status.setExpirationTimestamp(expires.toString());
    request.setStatus(status);
    return ApiStatus.json(201, Serialization.asJson(request));
  }
}
