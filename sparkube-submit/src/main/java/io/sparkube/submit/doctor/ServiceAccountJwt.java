package io.sparkube.submit.doctor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A ServiceAccount token read as a cloud's token exchange reads it: its claims, and whether an
 * RS256 key of the issuer's JWKS signed it. Only what the doctor checks; not a general JWT library.
 */
record ServiceAccountJwt(Map<String, Object> header, Map<String, Object> claims, String signingInput,
    byte[] signature) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  static ServiceAccountJwt parse(String token) {
    var parts = token.split("\\.");
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a signed JWT (" + parts.length + " parts)");
    }
    try {
      var decoder = Base64.getUrlDecoder();
      return new ServiceAccountJwt(JSON.readValue(decoder.decode(parts[0]), MAP),
          JSON.readValue(decoder.decode(parts[1]), MAP), parts[0] + "." + parts[1], decoder.decode(parts[2]));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not a JWT: " + e.getMessage(), e);
    }
  }

  Optional<String> claim(String name) {
    return Optional.ofNullable(claims.get(name)).map(Object::toString);
  }

  /** The aud claim, which may be one string or a list. */
  List<String> audiences() {
    var aud = claims.get("aud");
    return aud instanceof List<?> list ? list.stream().map(Object::toString).toList()
        : aud == null ? List.of() : List.of(aud.toString());
  }

  /** Whether an RSA key of {@code jwksJson} with the token's kid verifies its RS256 signature. */
  boolean signedBy(String jwksJson) {
    if (!"RS256".equals(header.get("alg"))) {
      return false;
    }
    try {
      Map<String, Object> jwks = JSON.readValue(jwksJson, MAP);
      var keys = (List<?>) jwks.getOrDefault("keys", List.of());
      for (var entry : keys) {
        var key = (Map<?, ?>) entry;
        if ("RSA".equals(key.get("kty")) && (header.get("kid") == null || header.get("kid").equals(key.get("kid")))
            && verifies(key)) {
          return true;
        }
      }
      return false;
    } catch (java.io.IOException | GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private boolean verifies(Map<?, ?> key) throws GeneralSecurityException {
    var decoder = Base64.getUrlDecoder();
    var spec = new RSAPublicKeySpec(new BigInteger(1, decoder.decode((String) key.get("n"))),
        new BigInteger(1, decoder.decode((String) key.get("e"))));
    var verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(KeyFactory.getInstance("RSA").generatePublic(spec));
    verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return verifier.verify(signature);
  }
}
