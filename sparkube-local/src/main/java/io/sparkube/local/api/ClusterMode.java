package io.sparkube.local.api;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the API server does only as a cluster (not as a plain store for tests): ServiceAccount
 * admission of pods, TokenRequest, the OIDC discovery documents, and the objects every namespace
 * gets (the {@code default} ServiceAccount, as the service-account controller creates it, and the
 * {@code kube-root-ca.crt} ConfigMap, as the root-CA publisher does).
 */
final class ClusterMode {
  private final ClusterKeys keys;
  private final TokenRequests tokenRequests;
  private final Clock clock;

  ClusterMode(ClusterKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
    this.tokenRequests = new TokenRequests(keys.tokens(), clock);
  }

  ClusterKeys keys() {
    return keys;
  }

  Clock clock() {
    return clock;
  }

  /** The OIDC documents external verifiers fetch; null for any other path. */
  MockResponse publicDocument(String path) {
    if (path.equals("/.well-known/openid-configuration")) {
      return ApiStatus.json(200, keys.tokens().openIdConfiguration());
    }
    if (path.equals(ServiceAccountTokens.JWKS_PATH)) {
      return ApiStatus.json(200, keys.tokens().jwks()).setHeader("Content-Type", "application/jwk-set+json");
    }
    return null;
  }

  MockResponse tokenRequest(String path, String body,
      Function<String, Optional<GenericKubernetesResource>> lookup) {
    return tokenRequests.create(path, body, lookup);
  }

  /** 200 with the admitted pod as the body, or the failure to answer with. */
  MockResponse admitPod(GenericKubernetesResource object, String namespace,
      Function<String, Optional<GenericKubernetesResource>> lookup) {
    var pod = Serialization.unmarshal(Serialization.asJson(object), Pod.class);
    var name = pod.getSpec().getServiceAccountName();
    var accountName = name == null || name.isEmpty() ? "default" : name;
    var account = lookup.apply("/api/v1/namespaces/" + namespace + "/serviceaccounts/" + accountName)
        .map(sa -> Serialization.unmarshal(Serialization.asJson(sa), ServiceAccount.class));
    try {
      return ApiStatus.json(200, Serialization.asJson(ServiceAccountAdmission.admit(pod, account, namespace,
          accountName)));
    } catch (ServiceAccountAdmission.AdmissionException e) {
      return ApiStatus.response(403, "Forbidden", e.getMessage());
    }
  }

  /** The objects a new namespace gets, each with the collection path to create it at. */
  List<StoredObject> namespaceDefaults(String namespace) {
    var account = new ServiceAccountBuilder().withNewMetadata().withName("default").withNamespace(namespace)
        .endMetadata().build();
    var rootCa = new ConfigMapBuilder().withNewMetadata().withName(ServiceAccountAdmission.ROOT_CA_CONFIG_MAP)
        .withNamespace(namespace).endMetadata().addToData("ca.crt", keys.ca().caPem()).build();
    var base = "/api/v1/namespaces/" + namespace;
    return List.of(new StoredObject(base + "/serviceaccounts", generic(account)),
        new StoredObject(base + "/configmaps", generic(rootCa)));
  }

  private static GenericKubernetesResource generic(Object object) {
    return Serialization.unmarshal(Serialization.asJson(object), GenericKubernetesResource.class);
  }
}
