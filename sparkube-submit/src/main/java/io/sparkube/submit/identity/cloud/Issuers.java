package io.sparkube.submit.identity.cloud;

import java.util.List;

/** What to tell a user whose issuer a cloud cannot fetch. */
final class Issuers {
  private Issuers() {}

  static List<String> unreachableWarning(OidcIssuer issuer, String verifier) {
    if (!issuer.unreachableFromClouds()) {
      return List.of();
    }
    return List.of("the issuer " + issuer.url() + " is not reachable from the internet, but " + verifier
        + " fetches its /.well-known/openid-configuration and keys to verify tokens; publish them at a public"
        + " https URL and set the API server's --service-account-issuer to it");
  }
}
