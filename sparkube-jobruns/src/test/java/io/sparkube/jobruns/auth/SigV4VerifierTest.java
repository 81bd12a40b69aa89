package io.sparkube.jobruns.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.jobruns.SdkSigner;
import io.sparkube.jobruns.error.ApiException;
import io.sparkube.jobruns.error.ErrorCode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SigV4 checked against AWS's published test vectors and against requests the AWS SDK's signer signs. */
class SigV4VerifierTest {
  static final String VECTOR_KEY = "AKIDEXAMPLE";
  static final String VECTOR_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  static final Clock VECTOR_TIME = Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC);
  static final Clock NOW = Clock.fixed(Instant.parse("2030-05-01T09:00:00Z"), ZoneOffset.UTC);
  static final String ARN = "arn:aws:iam::123456789012:user/alice";

  final AccessKeys keys = AccessKeys.of(new AccessKey(VECTOR_KEY, VECTOR_SECRET, ARN));

  @Test
  void theGetVanillaVectorVerifies() {
    var verifier = new SigV4Verifier("service", keys, VECTOR_TIME);

    var caller = verifier.verify(vectorRequest("/", ""), vectorAuthorization(
        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));

    assertThat(caller.createdBy()).isEqualTo(ARN);
  }

  @Test
  void theQueryOrderVectorVerifies() {
    var verifier = new SigV4Verifier("service", keys, VECTOR_TIME);

    verifier.verify(vectorRequest("/", "Param2=value2&Param1=value1"), vectorAuthorization(
        "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"));
  }

  @Test
  void aPostTheSdkSignedVerifiesAndAnyChangeToItDoesNot() {
    var verifier = new SigV4Verifier("emr-containers", keys, NOW);
    var uri = URI.create("http://127.0.0.1:8443/virtualclusters/abc/jobruns");
    var body = "{\"clientToken\":\"x y\"}";
    var headers = SdkSigner.sign("POST", uri, body, "emr-containers", VECTOR_KEY, VECTOR_SECRET, NOW);

    assertThat(verifier.verify(request("POST", uri, headers, body), authorization(headers)).createdBy())
        .isEqualTo(ARN);
    assertThatThrownBy(() -> verifier.verify(request("POST", uri, headers, body + " "), authorization(headers)))
        .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(ErrorCode.INVALID_SIGNATURE));
    var otherPath = URI.create("http://127.0.0.1:8443/virtualclusters/abd/jobruns");
    assertThatThrownBy(() -> verifier.verify(request("POST", otherPath, headers, body), authorization(headers)))
        .hasMessageStartingWith("The request signature we calculated does not match");
  }

  @Test
  void aQueryTheSdkSignedVerifiesWhateverItsEncoding() {
    var verifier = new SigV4Verifier("emr-containers", keys, NOW);
    var uri = URI.create("http://localhost/virtualclusters?states=RUNNING&states=PENDING"
        + "&createdAfter=2000-01-01T00%3A00%3A00Z&name=a%20b");
    var headers = SdkSigner.sign("GET", uri, null, "emr-containers", VECTOR_KEY, VECTOR_SECRET, NOW);

    verifier.verify(request("GET", uri, headers, ""), authorization(headers));
  }

  @Test
  void aSignatureOlderOrNewerThanFifteenMinutesIsRefused() {
    var uri = URI.create("http://localhost/virtualclusters");
    var headers = SdkSigner.sign("GET", uri, null, "emr-containers", VECTOR_KEY, VECTOR_SECRET, NOW);

    var later = new SigV4Verifier("emr-containers", keys, Clock.offset(NOW, Duration.ofMinutes(16)));
    var earlier = new SigV4Verifier("emr-containers", keys, Clock.offset(NOW, Duration.ofMinutes(-16)));
    var justInTime = new SigV4Verifier("emr-containers", keys, Clock.offset(NOW, Duration.ofMinutes(14)));

    assertThatThrownBy(() -> later.verify(request("GET", uri, headers, ""), authorization(headers)))
        .hasMessage("Signature expired: 20300501T090000Z is now earlier than 20300501T090100Z"
            + " (20300501T091600Z - 15 min.)");
    assertThatThrownBy(() -> earlier.verify(request("GET", uri, headers, ""), authorization(headers)))
        .hasMessageStartingWith("Signature not yet current");
    justInTime.verify(request("GET", uri, headers, ""), authorization(headers));
  }

  @Test
  void anUnknownKeyAnotherServiceOrAMalformedHeaderIsRefusedWithAwsCodes() {
    var uri = URI.create("http://localhost/virtualclusters");
    var verifier = new SigV4Verifier("emr-containers", keys, NOW);
    var stranger = SdkSigner.sign("GET", uri, null, "emr-containers", "AKIDSTRANGER", VECTOR_SECRET, NOW);
    var s3 = SdkSigner.sign("GET", uri, null, "s3", VECTOR_KEY, VECTOR_SECRET, NOW);

    assertThat(code(() -> verifier.verify(request("GET", uri, stranger, ""), authorization(stranger))))
        .isEqualTo(ErrorCode.UNRECOGNIZED_CLIENT);
    assertThat(code(() -> verifier.verify(request("GET", uri, s3, ""), authorization(s3))))
        .isEqualTo(ErrorCode.INVALID_SIGNATURE);
    assertThat(code(() -> verifier.verify(request("GET", uri, s3, ""), "AWS4-HMAC-SHA256 Credential=a/b/c")))
        .isEqualTo(ErrorCode.INCOMPLETE_SIGNATURE);
  }

  @Test
  void aContentHashThatIsNotTheBodysIsRefused() {
    var uri = URI.create("http://localhost/virtualclusters");
    var verifier = new SigV4Verifier("emr-containers", keys, NOW);
    var headers = new HashMap<>(SdkSigner.sign("POST", uri, "{}", "emr-containers", VECTOR_KEY, VECTOR_SECRET, NOW));
    headers.put("x-amz-content-sha256", List.of("UNSIGNED-PAYLOAD"));

    assertThatThrownBy(() -> verifier.verify(request("POST", uri, headers, "{}"), authorization(headers)))
        .hasMessageContaining("The payload must be signed");
  }

  private static ErrorCode code(Runnable call) {
    try {
      call.run();
    } catch (ApiException e) {
      return e.code();
    }
    throw new AssertionError("expected a refusal");
  }

  private static SignedRequest vectorRequest(String path, String query) {
    return new SignedRequest("GET", path, query, Map.of("host", List.of("example.amazonaws.com"),
        "x-amz-date", List.of("20150830T123600Z")), new byte[0]);
  }

  private static String vectorAuthorization(String signature) {
    return "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,"
        + " SignedHeaders=host;x-amz-date, Signature=" + signature;
  }

  /** The request as the server sees it: headers by lower-case name, Host as the client sends it. */
  private static SignedRequest request(String method, URI uri, Map<String, List<String>> headers, String body) {
    var lower = new HashMap<String, List<String>>();
    headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), values));
    lower.put("host", List.of(uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort()));
    return new SignedRequest(method, uri.getRawPath(), uri.getRawQuery(), lower,
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static String authorization(Map<String, List<String>> headers) {
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Authorization")).findFirst()
        .orElseThrow().getValue().get(0);
  }
}
