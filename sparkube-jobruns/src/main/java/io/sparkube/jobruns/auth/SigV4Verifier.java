package io.sparkube.jobruns.auth;

import io.sparkube.jobruns.error.ApiException;
import io.sparkube.jobruns.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Verifies AWS Signature Version 4 in the Authorization header, as AWS services do: the key must
 * be known, the scope must name this service (any region), X-Amz-Date must be within 15 minutes of
 * this server's clock, and the signature over the canonical request must match. The payload is
 * always hashed here; an x-amz-content-sha256 header, when sent, must agree with it.
 */
public final class SigV4Verifier {
  static final Duration MAX_SKEW = Duration.ofMinutes(15);
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final String MISMATCH = "The request signature we calculated does not match the signature you"
      + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for"
      + " details.";

  private final String service;
  private final AccessKeys keys;
  private final Clock clock;

  /** @param service the signing name requests must be scoped to, e.g. emr-containers */
  public SigV4Verifier(String service, AccessKeys keys, Clock clock) {
    this.service = service;
    this.keys = keys;
    this.clock = clock;
  }

  static boolean isSigV4(String authorization) {
    return authorization.startsWith(AuthorizationHeader.ALGORITHM + " ");
  }

  public Caller verify(SignedRequest request, String authorization) {
    var header = AuthorizationHeader.parse(authorization);
    var scope = header.scope();
    if (!scope.service().equals(service) || !scope.terminator().equals("aws4_request")) {
      throw invalid("Credential should be scoped to correct service: '" + service + "'.");
    }
    var key = keys.find(scope.accessKeyId()).orElseThrow(() -> new ApiException(ErrorCode.UNRECOGNIZED_CLIENT,
        "The security token included in the request is invalid: access key " + scope.accessKeyId()
            + " is not one this server accepts"));
    var amzDate = request.header("x-amz-date").orElseThrow(() -> new ApiException(ErrorCode.INCOMPLETE_SIGNATURE,
        "Authorization header requires existence of a 'X-Amz-Date' header."));
    checkTime(amzDate);
    if (!amzDate.startsWith(scope.date())) {
      throw invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
          + scope.date() + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
    }
    if (!header.signedHeaders().contains("host")) {
      throw new ApiException(ErrorCode.INCOMPLETE_SIGNATURE,
          "'Host' must be a 'SignedHeader' in the AWS Authorization.");
    }
    var canonical = CanonicalRequest.of(request, header.signedHeaders(), payloadHash(request));
    var stringToSign = AuthorizationHeader.ALGORITHM + "\n" + amzDate + "\n" + scope.text() + "\n"
        + Hashing.sha256Hex(canonical);
    var expected = HexFormat.of().formatHex(Hashing.hmac(signingKey(key.secretAccessKey(), scope), stringToSign));
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        header.signature().getBytes(StandardCharsets.US_ASCII))) {
      throw invalid(MISMATCH);
    }
    return new Caller(key.arn());
  }

  private void checkTime(String amzDate) {
    Instant signedAt;
    try {
      signedAt = Instant.from(AMZ_DATE.parse(amzDate));
    } catch (DateTimeParseException e) {
      throw new ApiException(ErrorCode.INCOMPLETE_SIGNATURE, "X-Amz-Date must be in the ISO-8601 basic format"
          + " yyyyMMdd'T'HHmmss'Z', e.g. 20250101T120000Z, not '" + amzDate + "'.");
    }
    var now = clock.instant();
    if (signedAt.isBefore(now.minus(MAX_SKEW))) {
      throw invalid("Signature expired: " + amzDate + " is now earlier than " + AMZ_DATE.format(now.minus(MAX_SKEW))
          + " (" + AMZ_DATE.format(now) + " - 15 min.)");
    }
    if (signedAt.isAfter(now.plus(MAX_SKEW))) {
      throw invalid("Signature not yet current: " + amzDate + " is still later than "
          + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " + 15 min.)");
    }
  }

  private static String payloadHash(SignedRequest request) {
    var computed = Hashing.sha256Hex(request.body());
    var sent = request.header("x-amz-content-sha256");
    if (sent.isPresent() && !sent.get().toLowerCase(Locale.ROOT).equals(computed)) {
      throw invalid(sent.get().startsWith("UNSIGNED-PAYLOAD") || sent.get().startsWith("STREAMING-")
          ? "The payload must be signed: send its SHA-256 in x-amz-content-sha256, or leave the header out"
          : "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
    return computed;
  }

  private byte[] signingKey(String secret, AuthorizationHeader.Scope scope) {
    var dateKey = Hashing.hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope.date());
    var regionKey = Hashing.hmac(dateKey, scope.region());
    var serviceKey = Hashing.hmac(regionKey, scope.service());
    return Hashing.hmac(serviceKey, scope.terminator());
  }

  private static ApiException invalid(String message) {
    return new ApiException(ErrorCode.INVALID_SIGNATURE, message);
  }
}
