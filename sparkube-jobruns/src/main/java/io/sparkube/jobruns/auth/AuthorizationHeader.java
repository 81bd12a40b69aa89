package io.sparkube.jobruns.auth;

import io.sparkube.jobruns.error.ApiException;
import io.sparkube.jobruns.error.ErrorCode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

/**
 * A SigV4 Authorization header: {@code AWS4-HMAC-SHA256 Credential=<id>/<date>/<region>/<service>/aws4_request,
 * SignedHeaders=<a;b;c>, Signature=<hex>}.
 */
record AuthorizationHeader(Scope scope, List<String> signedHeaders, String signature) {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";

  /** The credential scope; {@link #text()} is how the string to sign spells it. */
  record Scope(String accessKeyId, String date, String region, String service, String terminator) {
    String text() {
      return date + "/" + region + "/" + service + "/" + terminator;
    }
  }

  static AuthorizationHeader parse(String header) {
    var parameters = new HashMap<String, String>();
    for (var part : header.substring(ALGORITHM.length()).split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        parameters.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
      }
    }
    for (var required : List.of("Credential", "SignedHeaders", "Signature")) {
      if (!parameters.containsKey(required) || parameters.get(required).isEmpty()) {
        throw incomplete("Authorization header requires '" + required + "' parameter. Authorization=" + ALGORITHM
            + " Credential=<access key id>/<date>/<region>/emr-containers/aws4_request, SignedHeaders=<names>,"
            + " Signature=<hex>");
      }
    }
    var credential = parameters.get("Credential").split("/", -1);
    if (credential.length != 5 || List.of(credential).contains("")) {
      throw incomplete("Credential must have exactly 5 slash-delimited elements, e.g."
          + " keyID/date/region/service/term, got '" + parameters.get("Credential") + "'");
    }
    var signedHeaders = List.of(parameters.get("SignedHeaders").toLowerCase(Locale.ROOT).split(";"));
    return new AuthorizationHeader(
        new Scope(credential[0], credential[1], credential[2], credential[3], credential[4]),
        signedHeaders, parameters.get("Signature").toLowerCase(Locale.ROOT));
  }

  private static ApiException incomplete(String message) {
    return new ApiException(ErrorCode.INCOMPLETE_SIGNATURE, message);
  }
}
