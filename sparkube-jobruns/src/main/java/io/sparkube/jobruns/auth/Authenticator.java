package io.sparkube.jobruns.auth;

import io.sparkube.jobruns.error.ApiException;
import io.sparkube.jobruns.error.ErrorCode;
import java.util.Locale;
import java.util.Optional;

/**
 * Admits a request by its Authorization header: the configured bearer token, or a SigV4 signature
 * by a configured access key. Every request needs one; failures carry the codes AWS uses.
 */
public final class Authenticator {
  private static final String BEARER = "bearer ";

  private final Optional<BearerToken> token;
  private final Caller tokenCaller;
  private final Optional<SigV4Verifier> sigV4;

  /** @param principal createdBy of requests admitted by the bearer token */
  public Authenticator(Optional<BearerToken> token, String principal, Optional<SigV4Verifier> sigV4) {
    this.token = token;
    this.tokenCaller = new Caller(principal);
    this.sigV4 = sigV4;
  }

  public Caller authenticate(SignedRequest request) {
    var authorization = request.header("authorization").map(String::strip).orElseThrow(() -> new ApiException(
        ErrorCode.MISSING_AUTHENTICATION, "Missing Authentication Token: sign the request with AWS Signature"
            + " Version 4 (service emr-containers), or send 'Authorization: Bearer <token>'"));
    if (authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      var admitted = token.filter(t -> t.matches(authorization.substring(BEARER.length())));
      if (admitted.isEmpty()) {
        throw new ApiException(ErrorCode.UNRECOGNIZED_CLIENT, token.isPresent()
            ? "The security token included in the request is invalid: the bearer token is not this server's"
            : "The security token included in the request is invalid: this server accepts no bearer token;"
                + " sign the request with AWS Signature Version 4");
      }
      return tokenCaller;
    }
    if (SigV4Verifier.isSigV4(authorization)) {
      return sigV4.orElseThrow(() -> new ApiException(ErrorCode.UNRECOGNIZED_CLIENT, "The security token"
          + " included in the request is invalid: this server accepts no access keys; send 'Authorization:"
          + " Bearer <token>'")).verify(request, authorization);
    }
    throw new ApiException(ErrorCode.INCOMPLETE_SIGNATURE, "The Authorization header is neither 'Bearer <token>'"
        + " nor an AWS4-HMAC-SHA256 signature");
  }
}
