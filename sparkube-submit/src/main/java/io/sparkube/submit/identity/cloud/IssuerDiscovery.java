package io.sparkube.submit.identity.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.kube.ApiCall;
import io.sparkube.submit.kube.ApiFailures;
import java.util.Optional;

/** Reads a cluster's ServiceAccount token issuer from its OIDC discovery document, as a cloud would. */
public final class IssuerDiscovery {
  public static final String PATH = "/.well-known/openid-configuration";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private IssuerDiscovery() {}

  public static OidcIssuer issuer(KubernetesClient client) {
    return OidcIssuer.parse("the cluster's issuer", issuerUrl(client));
  }

  /** The issuer exactly as the discovery document names it, before any check of its form. */
  public static String issuerUrl(KubernetesClient client) {
    var server = client.getConfiguration().getMasterUrl();
    String document;
    try {
      document = client.raw(PATH);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 401 || e.getCode() == 403) {
        throw new SparkubeException(e.getCode() == 401 ? Failure.UNAUTHORIZED : Failure.FORBIDDEN, "the API server at "
            + server + " refused GET " + PATH + " (" + e.getCode() + "); RBAC grants it through the ClusterRole"
            + " system:service-account-issuer-discovery", e);
      }
      if (e.getCode() > 0) {
        throw new SparkubeException(Failure.API_ERROR, "the API server at " + server + " answered GET " + PATH
            + " with " + e.getCode(), e);
      }
      throw ApiFailures.translate(e, new ApiCall(server, "the configured credentials", "get", PATH, "", Optional.empty()));
    }
    if (document == null) {
      throw new SparkubeException(Failure.API_ERROR, "the API server at " + server + " serves no " + PATH
          + " (service account issuer discovery is off)");
    }
    var issuer = Optional.<String>empty();
    try {
      var node = MAPPER.readTree(document).path("issuer");
      issuer = node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
    } catch (JsonProcessingException e) {
      // Reported below, like a document without an issuer.
    }
    return issuer.orElseThrow(() -> new SparkubeException(Failure.API_ERROR, "the API server at " + server
        + " serves a " + PATH + " without an issuer"));
  }
}
