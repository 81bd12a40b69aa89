package io.sparkube.local.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and verifies ServiceAccount JWTs as a real API server does: RS256, signed with the
 * cluster's service-account key ({@code sa.key} in the state directory, kept across restarts),
 * {@code kid} = base64url(SHA-256(public key DER)) like kube-apiserver, so external verifiers
 * (AWS STS, Azure AD) find the key in the JWKS.
 */
public final class ServiceAccountTokens {
  /** Our issuer: the name pods reach the API server by; the OIDC discovery document is served under it. */
  public static final String ISSUER = "https://kubernetes.default.svc";
  public static final String JWKS_PATH = "/openid/v1/jwks";

  private final RSAKey key;
  private final Clock clock;

  ServiceAccountTokens(RSAKey key, Clock clock) {
    this.key = key;
    this.clock = clock;
  }

  /** Loads the signing key from {@code dir/sa.key}, generating it the first time. */
  public static ServiceAccountTokens loadOrCreate(Path dir, Clock clock) {
    var file = dir.resolve("sa.key");
    try {
      if (!Files.exists(file)) {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Files.createDirectories(dir);
        Pem.writePrivate(file, Pem.encode(generator.generateKeyPair().getPrivate()));
      }
      var pair = Pem.readKeyPair(Files.readString(file));
      var publicKey = (RSAPublicKey) pair.getPublic();
      var kid = Base64.getUrlEncoder().withoutPadding()
          .encodeToString(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()));
      var rsa = new RSAKey.Builder(publicKey).privateKey((RSAPrivateKey) pair.getPrivate()).keyID(kid)
          .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
      return new ServiceAccountTokens(rsa, clock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the service-account key " + file, e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signs a token for {@code request}; audiences default to the issuer, as kube-apiserver's API audience. */
  public String issue(TokenClaims request) {
    var now = clock.instant();
    var audiences = request.audiences().isEmpty() ? List.of(ISSUER) : request.audiences();
    var claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(request.subject()).audience(audiences)
        .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(request.expiration()))).jwtID(UUID.randomUUID().toString())
        .claim("kubernetes.io", request.kubernetesClaim(now)).build();
    try {
      var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a service-account token", e);
    }
  }

  /**
   * The {@code sub} of a token this cluster signed, still valid, meant for the API server (its
   * audiences include the issuer); empty otherwise. A token for another audience (e.g.
   * {@code sts.amazonaws.com}) does not authenticate here, as on a real cluster.
   */
  public Optional<String> verify(String token) {
    try {
      var jwt = SignedJWT.parse(token);
      if (!jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
        return Optional.empty();
      }
      var claims = jwt.getJWTClaimsSet();
      var now = Date.from(clock.instant());
      boolean valid = ISSUER.equals(claims.getIssuer()) && claims.getAudience().contains(ISSUER)
          && claims.getExpirationTime() != null && now.before(claims.getExpirationTime())
          && (claims.getNotBeforeTime() == null || !now.before(claims.getNotBeforeTime()));
      return valid ? Optional.ofNullable(claims.getSubject()) : Optional.empty();
    } catch (ParseException | JOSEException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The public key set served at {@link #JWKS_PATH}. */
  public String jwks() {
    return new JWKSet(key.toPublicJWK()).toString(true);
  }

  /** The document served at {@code /.well-known/openid-configuration}, shaped like kube-apiserver's. */
  public String openIdConfiguration() {
    return "{\"issuer\":\"" + ISSUER + "\",\"jwks_uri\":\"" + ISSUER + JWKS_PATH + "\","
        + "\"response_types_supported\":[\"id_token\"],\"subject_types_supported\":[\"public\"],"
        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
  }
}
