package io.sparkube.e2e.aws;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for a plain S3 request (no query string), enough to put the tests'
 * objects into the store through its S3 API, as any client would.
 */
record SigV4(String accessKeyId, String secretAccessKey, String region) {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  /** A signed request for {@code method} on {@code uri} with {@code body}. */
  HttpRequest sign(String method, URI uri, byte[] body, Instant now) {
    var amzDate = STAMP.format(now);
    var day = amzDate.substring(0, 8);
    var payloadHash = hex(sha256(body));
    var host = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    var signedHeaders = "host;x-amz-content-sha256;x-amz-date";
    var canonical = method + "\n" + uri.getRawPath() + "\n\n"
        + "host:" + host + "\nx-amz-content-sha256:" + payloadHash + "\nx-amz-date:" + amzDate + "\n\n"
        + signedHeaders + "\n" + payloadHash;
    var scope = day + "/" + region + "/s3/aws4_request";
    var toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
        + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    var key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), day);
    key = hmac(hmac(hmac(key, region), "s3"), "aws4_request");
    var signature = hex(hmac(key, toSign));
    return HttpRequest.newBuilder(uri)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
        .header("x-amz-date", amzDate)
        .header("x-amz-content-sha256", payloadHash)
        .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/" + scope
            + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature)
        .build();
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
