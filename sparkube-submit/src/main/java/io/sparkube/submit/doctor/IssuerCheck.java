package io.sparkube.submit.doctor;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.submit.identity.cloud.IssuerDiscovery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The cluster's ServiceAccount token issuer: its discovery document and signing keys as the API
 * server serves them, and whether the issuer URL itself answers, as a cloud's token exchange
 * must reach it. The local cluster's issuer is the in-cluster address, reachable only from pods.
 */
final class IssuerCheck {
  static final String IN_CLUSTER_ISSUER = "https://kubernetes.default.svc";
  private static final String NAME = "OIDC issuer";
  private static final String JWKS_PATH = "/openid/v1/jwks";

  /** The issuer and its keys, for the token check; empty when they could not be read. */
  record Issuer(String url, String jwks) {}

  private final KubernetesClient client;
  private final HttpClient http;

  IssuerCheck(KubernetesClient client, HttpClient http) {
    this.client = client;
    this.http = http;
  }

  Result run() {
    String issuer;
    String jwks;
    try {
      issuer = IssuerDiscovery.issuerUrl(client);
      jwks = client.raw(JWKS_PATH);
    } catch (RuntimeException e) {
      return new Result(Check.fail(NAME, e.getMessage(), "enable ServiceAccount issuer discovery on the API server"),
          Optional.empty());
    }
    if (jwks == null) {
      return new Result(Check.fail(NAME, "the API server does not serve " + JWKS_PATH,
          "enable ServiceAccount issuer discovery on the API server"), Optional.empty());
    }
    var found = new Issuer(issuer, jwks);
    if (issuer.equals(IN_CLUSTER_ISSUER)) {
      return new Result(Check.pass(NAME, issuer + " (in-cluster; its keys are served by the API server at"
          + " " + JWKS_PATH + ")"), Optional.of(found));
    }
    return new Result(reachable(issuer), Optional.of(found));
  }

  record Result(Check check, Optional<Issuer> issuer) {}

  private Check reachable(String issuer) {
    try {
      var request = HttpRequest.newBuilder(URI.create(issuer + IssuerDiscovery.PATH))
          .timeout(Duration.ofSeconds(5)).GET().build();
      var status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status == 200 ? Check.pass(NAME, issuer + " answers its discovery document")
          : Check.warn(NAME, issuer + " answered " + status, "the cloud's token exchange fetches the issuer's"
              + " discovery document and keys from there; make them public");
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return Check.warn(NAME, issuer + " cannot be reached from here (" + e.getClass().getSimpleName() + ")",
          "the cloud's token exchange must reach it; check it from outside the cluster");
    }
  }
}
