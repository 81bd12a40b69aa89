package io.sparkube.e2e.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The test STS over HTTP: it grants only a trusted, valid token, and refuses the rest as AWS STS does. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestStsTest {
  private static final String ISSUER = "https://kubernetes.default.svc";
  private static final String ROLE = "arn:aws:iam::111122223333:role/identity-probe";
  private static final String SUBJECT = "system:serviceaccount:default:spark-identity-probe";
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private final HttpClient http = HttpClient.newHttpClient();
  private RSAKey clusterKey;
  private TestSts sts;

  @BeforeAll
  void start() throws JOSEException, IOException {
    clusterKey = new RSAKeyGenerator(2048).keyID("cluster-key").generate();
    var roles = new WebIdentityRoles(ISSUER, new JWKSet(clusterKey.toPublicJWK()), Map.of(ROLE, SUBJECT),
        S3Proxy.KEY, Clock.fixed(NOW, ZoneOffset.UTC));
    sts = TestSts.start(roles);
  }

  @AfterAll
  void stop() {
    sts.close();
  }

  @Test
  void aTrustedValidTokenGetsTheStoreCredentials() throws Exception {
    var response = assume(ROLE, token(clusterKey, claims()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("<AssumeRoleWithWebIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">")
        .contains("<AccessKeyId>" + S3Proxy.KEY.accessKeyId() + "</AccessKeyId>")
        .contains("<SecretAccessKey>" + S3Proxy.KEY.secretAccessKey() + "</SecretAccessKey>")
        .contains("<SessionToken>")
        .contains("<Expiration>2025-06-01T13:00:00Z</Expiration>")
        .contains("<SubjectFromWebIdentityToken>" + SUBJECT + "</SubjectFromWebIdentityToken>")
        .contains("<Audience>sts.amazonaws.com</Audience>")
        .contains("<Arn>arn:aws:sts::111122223333:assumed-role/identity-probe/probe-session</Arn>")
        .contains("<AssumedRoleId>AROASPARKUBETEST:probe-session</AssumedRoleId>")
        .contains("<Provider>kubernetes.default.svc</Provider>");
    assertThat(sts.roles().attempts()).last().satisfies(a -> {
      assertThat(a.subject()).isEqualTo(SUBJECT);
      assertThat(a.pod()).isEqualTo("driver-pod");
      assertThat(a.outcome()).isInstanceOf(WebIdentityRoles.Granted.class);
    });
  }

  @Test
  void anotherServiceAccountIsDenied() throws Exception {
    var response = assume(ROLE, token(clusterKey, claims().subject("system:serviceaccount:default:someone-else")));

    assertError(response, 403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity");
  }

  @Test
  void aRoleWithoutATrustPolicyForTheClusterIsDenied() throws Exception {
    var response = assume("arn:aws:iam::111122223333:role/other", token(clusterKey, claims()));

    assertError(response, 403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity");
  }

  @Test
  void aTokenForAnotherAudienceIsInvalid() throws Exception {
    var response = assume(ROLE, token(clusterKey, claims().audience(ISSUER)));

    assertError(response, 400, "InvalidIdentityToken", "Incorrect token audience");
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    var response = assume(ROLE, token(clusterKey, claims().expirationTime(Date.from(NOW.minusSeconds(1)))));

    assertError(response, 400, "ExpiredTokenException", "Token expired");
  }

  @Test
  void aTokenSignedWithAnotherKeyIsInvalid() throws Exception {
    var impostor = new RSAKeyGenerator(2048).keyID(clusterKey.getKeyID()).generate();

    var response = assume(ROLE, token(impostor, claims()));

    assertError(response, 400, "InvalidIdentityToken", "verification key");
  }

  @Test
  void aTokenFromAnotherIssuerIsInvalid() throws Exception {
    var response = assume(ROLE, token(clusterKey, claims().issuer("https://elsewhere.example")));

    assertError(response, 400, "InvalidIdentityToken", "No OpenIDConnect provider found");
  }

  @Test
  void somethingElseThanAJwtIsInvalid() throws Exception {
    var response = assume(ROLE, "not-a-jwt");

    assertError(response, 400, "InvalidIdentityToken", "not a valid JWT");
  }

  @Test
  void otherActionsAreNotServed() throws Exception {
    var response = post("Action=AssumeRole&Version=2011-06-15&RoleArn=" + encode(ROLE) + "&RoleSessionName=s");

    assertError(response, 400, "InvalidAction", "AssumeRole");
  }

  /** A projected token as the local cluster issues one for the driver pod. */
  private static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder().issuer(ISSUER).subject(SUBJECT).audience(List.of("sts.amazonaws.com"))
        .issueTime(Date.from(NOW.minusSeconds(60))).notBeforeTime(Date.from(NOW.minusSeconds(60)))
        .expirationTime(Date.from(NOW.plus(Duration.ofDays(1))))
        .claim("kubernetes.io", Map.of("namespace", "default", "pod", Map.of("name", "driver-pod", "uid", "u1"),
            "serviceaccount", Map.of("name", "spark-identity-probe", "uid", "u2")));
  }

  private static String token(RSAKey key, JWTClaimsSet.Builder claims) throws JOSEException {
    var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private HttpResponse<String> assume(String role, String token) throws Exception {
    return post("Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=" + encode(role)
        + "&RoleSessionName=probe-session&WebIdentityToken=" + encode(token));
  }

  private HttpResponse<String> post(String form) throws Exception {
    var request = HttpRequest.newBuilder(sts.endpoint().resolve("/"))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void assertError(HttpResponse<String> response, int status, String code, String message) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.body())
        .contains("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">")
        .contains("<Type>Sender</Type>")
        .contains("<Code>" + code + "</Code>")
        .contains(message)
        .doesNotContain("AccessKeyId");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
