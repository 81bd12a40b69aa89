package io.sparkube.submit.doctor;

import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Optional;

/**
 * A token for the job's ServiceAccount, with the identity's audience, checked as the cloud's token
 * exchange checks it: signed by the issuer's keys, from that issuer, for that audience, about the
 * subject a trust policy names. The token is requested for ten minutes and never shown.
 */
final class TokenCheck {
  private static final long LIFETIME_SECONDS = 600;

  private TokenCheck() {}

  static Check run(KubernetesClient client, DoctorSubject subject, Optional<IssuerCheck.Issuer> issuer) {
    var token = subject.binding().flatMap(b -> b.token());
    var name = "token audience and subject";
    if (token.isEmpty()) {
      return Check.skip(name, subject.binding().map(b -> b.identity().spec() + " uses no projected token")
          .orElse("no identity"));
    }
    if (issuer.isEmpty()) {
      return Check.skip(name, "the issuer's keys could not be read");
    }
    var audience = token.get().audience();
    String jwt;
    try {
      var request = new TokenRequestBuilder().withNewSpec().withAudiences(audience)
          .withExpirationSeconds(LIFETIME_SECONDS).endSpec().build();
      var issued = client.serviceAccounts().inNamespace(subject.namespace()).withName(subject.serviceAccount())
          .tokenRequest(request);
      jwt = issued.getStatus().getToken();
    } catch (KubernetesClientException e) {
      return e.getCode() == 403 ? Check.skip(name, "you may not request tokens for " + subject.serviceAccount()
          + " (create serviceaccounts/token)") : Check.fail(name, "no token was issued: HTTP " + e.getCode(),
          "check that ServiceAccount " + subject.namespace() + "/" + subject.serviceAccount() + " exists");
    }
    var parsed = ServiceAccountJwt.parse(jwt);
    var problems = new ArrayList<String>();
    if (!parsed.signedBy(issuer.get().jwks())) {
      problems.add("its signature does not verify with the issuer's keys");
    }
    if (!parsed.claim("iss").orElse("").equals(issuer.get().url())) {
      problems.add("iss is " + parsed.claim("iss").orElse("missing") + ", not " + issuer.get().url());
    }
    if (!parsed.audiences().contains(audience)) {
      problems.add("aud is " + parsed.audiences() + ", not " + audience);
    }
    if (!parsed.claim("sub").orElse("").equals(subject.user())) {
      problems.add("sub is " + parsed.claim("sub").orElse("missing") + ", not " + subject.user());
    }
    if (problems.isEmpty()) {
      return Check.pass(name, "aud=" + audience + " sub=" + subject.user() + " iss=" + issuer.get().url()
          + ", signed by the issuer's key");
    }
    return Check.fail(name, String.join("; ", problems), "the trust policy must name issuer " + issuer.get().url()
        + ", audience " + audience + " and subject " + subject.user() + " (see sparkube identity plan)");
  }

}
