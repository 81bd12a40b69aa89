package io.sparkube.local.node;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Optional;

/** Projected service-account tokens, issued by the API server through the TokenRequest API. */
final class ServiceAccountTokens {
  private static final long DEFAULT_EXPIRATION_SECONDS = 3600;
  private final KubernetesClient client;

  ServiceAccountTokens(KubernetesClient client) {
    this.client = client;
  }

  /** A JWT bound to the pod, or a {@link ContainerConfigException} saying why none was issued. */
  String issue(Pod pod, String audience, Long expirationSeconds) {
    var ns = pod.getMetadata().getNamespace();
    var account = Optional.ofNullable(pod.getSpec().getServiceAccountName()).orElse("default");
    var request = new TokenRequestBuilder().withNewSpec()
        .withAudiences(audience == null ? List.of() : List.of(audience))
        .withExpirationSeconds(expirationSeconds == null ? DEFAULT_EXPIRATION_SECONDS : expirationSeconds)
        .withNewBoundObjectRef().withApiVersion("v1").withKind("Pod").withName(pod.getMetadata().getName())
        .withUid(pod.getMetadata().getUid()).endBoundObjectRef()
        .endSpec().build();
    try {
      var issued = client.serviceAccounts().inNamespace(ns).withName(account).tokenRequest(request);
      var token = issued == null || issued.getStatus() == null ? null : issued.getStatus().getToken();
      if (token == null || token.isBlank()) {
        throw new ContainerConfigException("CreateContainerConfigError", "the API server returned no token for"
            + " service account " + ns + "/" + account + " (TokenRequest)");
      }
      return token;
    } catch (KubernetesClientException e) {
      throw new ContainerConfigException("CreateContainerConfigError", "cannot get a token for service account "
          + ns + "/" + account + " through TokenRequest: HTTP " + e.getCode() + " " + e.getMessage());
    }
  }
}
