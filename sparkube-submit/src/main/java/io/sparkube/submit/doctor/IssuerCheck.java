package io.sparkube.submit.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster's ServiceAccount token issuer: its discovery document and signing keys as the API
 * server serves them, and whether the issuer URL itself answers, as a cloud's token exchange
 * must reach it. The local cluster's issuer is the in-cluster address, reachable only from pods.
 */
final class IssuerCheck {
  static final String IN_CLUSTER_ISSUER = "https://kubernetes.default.svc";
  private static final String NAME = "OIDC issuer";

  /** The issuer and its keys, for the token check; empty when they could not be read. */
  record Issuer(String url, String jwks) {}

  private final KubernetesClient client;
  private final HttpClient http;

  IssuerCheck(KubernetesClient client, HttpClient http) {
    this.client = client;
    this.http = http;
  }

  Result run() {
    var base = client.getMasterUrl().toString().replaceAll("/$", "");
    String discovery;
    String jwks;
    try {
      discovery = client.raw(base + "/.well-known/openid-configuration");
      jwks = client.raw(base + "/openid/v1/jwks");
    } catch (RuntimeException e) {
      return new Result(Check.fail(NAME, "the API server does not serve its OIDC discovery document ("
          + e.getMessage() + ")", "enable ServiceAccount issuer discovery on the API server"), Optional.empty());
    }
    if (discovery == null || jwks == null) {
      return new Result(Check.fail(NAME, "the API server does not serve /.well-known/openid-configuration and"
          + " /openid/v1/jwks", "enable ServiceAccount issuer discovery on the API server"), Optional.empty());
    }
    var issuer = issuerOf(discovery);
    if (issuer.isEmpty()) {
      return new Result(Check.fail(NAME, "the discovery document names no issuer", "check the API server's"
          + " --service-account-issuer"), Optional.empty());
    }
    var found = new Issuer(issuer.get(), jwks);
    if (issuer.get().equals(IN_CLUSTER_ISSUER)) {
      return new Result(Check.pass(NAME, issuer.get() + " (in-cluster; its keys are served by the API server at"
          + " /openid/v1/jwks)"), Optional.of(found));
    }
    return new Result(reachable(issuer.get()), Optional.of(found));
  }

  record Result(Check check, Optional<Issuer> issuer) {}

  private Check reachable(String issuer) {
    try {
      var request = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
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

  private static Optional<String> issuerOf(String discovery) {
    try {
      var document = new ObjectMapper().readValue(discovery, Map.class);
      return Optional.ofNullable(document.get("issuer")).map(Object::toString);
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }
}
