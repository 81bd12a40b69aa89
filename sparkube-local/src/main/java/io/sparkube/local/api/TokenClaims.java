package io.sparkube.local.api;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a ServiceAccount token says: who (namespace, account and its uid), for whom (audiences),
 * how long, and optionally the pod it is bound to, as in a projected token.
 *
 * @param serviceAccountUid null when unknown (the claim then omits it)
 * @param podName null for a token not bound to a pod
 */
public record TokenClaims(String namespace, String serviceAccount, String serviceAccountUid, List<String> audiences,
    Duration expiration, String podName, String podUid) {
  /** kube-apiserver's floor for a requested expiration. */
  static final Duration MIN_EXPIRATION = Duration.ofMinutes(10);

  public TokenClaims {
    audiences = List.copyOf(audiences);
    if (expiration.compareTo(MIN_EXPIRATION) < 0) {
      throw new IllegalArgumentException("token expiration must be at least 10 minutes, was " + expiration);
    }
  }

  /** A token not bound to any pod. */
  public static TokenClaims forAccount(String namespace, String serviceAccount, List<String> audiences,
      Duration expiration) {
    return new TokenClaims(namespace, serviceAccount, null, audiences, expiration, null, null);
  }

  public String subject() {
    return "system:serviceaccount:" + namespace + ":" + serviceAccount;
  }

  /** The {@code kubernetes.io} claim block, shaped as kube-apiserver writes it. */
  Map<String, Object> kubernetesClaim(Instant now) {
    var claim = new LinkedHashMap<String, Object>();
    claim.put("namespace", namespace);
    if (podName != null) {
      claim.put("pod", nameAndUid(podName, podUid));
    }
    claim.put("serviceaccount", nameAndUid(serviceAccount, serviceAccountUid));
    return claim;
  }

  private static Map<String, Object> nameAndUid(String name, String uid) {
    var map = new LinkedHashMap<String, Object>();
    map.put("name", name);
    if (uid != null) {
      map.put("uid", uid);
    }
    return map;
  }
}
