package io.sparkube.e2e.aws;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * AssumeRoleWithWebIdentity as AWS STS decides it, for one OIDC provider (a cluster's issuer and
 * its signing keys) and roles whose trust policy admits exactly one ServiceAccount, as an IRSA
 * trust policy does: {@code <provider>:sub = system:serviceaccount:NS:SA} and
 * {@code <provider>:aud = sts.amazonaws.com}. Granted roles get the store's static key.
 */
public final class WebIdentityRoles {
  public static final String AUDIENCE = "sts.amazonaws.com";
  private static final Duration SESSION = Duration.ofHours(1);
  private static final String NOT_AUTHORIZED = "Not authorized to perform sts:AssumeRoleWithWebIdentity";

  /** What STS answers: temporary credentials, or an error as its API reports it. */
  public sealed interface Outcome permits Granted, Refused {}

  public record Granted(String roleArn, String sessionName, String subject, String audience, String provider,
      String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) implements Outcome {
    /** {@code arn:aws:sts::<account>:assumed-role/<role name>/<session>}. */
    public String assumedRoleArn() {
      var account = roleArn.split(":")[4];
      return "arn:aws:sts::" + account + ":assumed-role/" + roleName(roleArn) + "/" + sessionName;
    }
  }

  /** An STS error: HTTP status, {@code Code} (AccessDenied, InvalidIdentityToken, ...) and message. */
  public record Refused(int status, String code, String message) implements Outcome {}

  /** One call, for the tests to see who asked: the token's subject and pod (when it could be read). */
  public record Attempt(String roleArn, String subject, String pod, Outcome outcome) {}

  private final String issuer;
  private final JWKSet keys;
  private final Map<String, String> trustedSubjects;
  private final S3Proxy.StaticKey grantedKey;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

  /**
   * @param trustedSubjects role ARN to the one {@code sub} its trust policy admits
   */
  public WebIdentityRoles(String issuer, JWKSet keys, Map<String, String> trustedSubjects,
      S3Proxy.StaticKey grantedKey, Clock clock) {
    this.issuer = issuer;
    this.keys = keys;
    this.trustedSubjects = Map.copyOf(trustedSubjects);
    this.grantedKey = grantedKey;
    this.clock = clock;
  }

  public List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  public Outcome assume(String roleArn, String sessionName, String token) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return record(roleArn, null, invalidToken("The ID Token provided is not a valid JWT. (You may see this error if"
          + " you sent an Access Token)"));
    }
    return record(roleArn, claims, decide(roleArn, sessionName, jwt, claims));
  }

  private Outcome decide(String roleArn, String sessionName, SignedJWT jwt, JWTClaimsSet claims) {
    if (!issuer.equals(claims.getIssuer())) {
      return invalidToken("No OpenIDConnect provider found in your account for " + claims.getIssuer());
    }
    if (!verified(jwt)) {
      return invalidToken("Couldn't retrieve verification key from your identity provider or the token's"
          + " signature does not verify against it");
    }
    var now = clock.instant();
    var expiry = claims.getExpirationTime();
    if (expiry == null || !now.isBefore(expiry.toInstant())) {
      return new Refused(400, "ExpiredTokenException", "Token expired: current date/time " + now.getEpochSecond()
          + " must be before the expiration date/time " + (expiry == null ? "(none)" : expiry.toInstant().getEpochSecond()));
    }
    if (claims.getNotBeforeTime() != null && now.isBefore(claims.getNotBeforeTime().toInstant())) {
      return invalidToken("Token is not yet valid");
    }
    if (!claims.getAudience().contains(AUDIENCE)) {
      return invalidToken("Incorrect token audience");
    }
    var trusted = trustedSubjects.get(roleArn);
    if (trusted == null || !trusted.equals(claims.getSubject())) {
      return new Refused(403, "AccessDenied", NOT_AUTHORIZED);
    }
    return new Granted(roleArn, sessionName, claims.getSubject(), AUDIENCE, providerOf(issuer),
        grantedKey.accessKeyId(), grantedKey.secretAccessKey(), sessionToken(), now.plus(SESSION));
  }

  private boolean verified(SignedJWT jwt) {
    var header = jwt.getHeader();
    if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
      return false;
    }
    var key = keys.getKeyByKeyId(header.getKeyID());
    try {
      return key instanceof RSAKey rsa && jwt.verify(new RSASSAVerifier(rsa));
    } catch (JOSEException e) {
      return false;
    }
  }

  private Outcome record(String roleArn, JWTClaimsSet claims, Outcome outcome) {
    attempts.add(new Attempt(roleArn, claims == null ? null : claims.getSubject(), podOf(claims), outcome));
    return outcome;
  }

  /** The pod a projected token is bound to ({@code kubernetes.io.pod.name}), if any. */
  @SuppressWarnings("unchecked")
  private static String podOf(JWTClaimsSet claims) {
    if (claims == null || !(claims.getClaim("kubernetes.io") instanceof Map<?, ?> kubernetes)) {
      return null;
    }
    return kubernetes.get("pod") instanceof Map<?, ?> pod ? (String) ((Map<String, Object>) pod).get("name") : null;
  }

  private static Refused invalidToken(String message) {
    return new Refused(400, "InvalidIdentityToken", message);
  }

  static String roleName(String roleArn) {
    var resource = roleArn.substring(roleArn.lastIndexOf(':') + 1);
    return resource.substring(resource.lastIndexOf('/') + 1);
  }

  /** The provider as STS names it: the issuer without its scheme. */
  private static String providerOf(String issuer) {
    return issuer.replaceFirst("^https://", "");
  }

  private String sessionToken() {
    var bytes = new byte[96];
    random.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
