package io.sparkube.jobruns;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Signs requests with the AWS SDK's own SigV4 signer, so our verifier is held to AWS's code, not to ours. */
public final class SdkSigner {
  private SdkSigner() {}

  /** The headers of the signed request, Authorization and X-Amz-Date among them. */
  public static Map<String, List<String>> sign(String method, URI uri, String body, String service,
      String accessKey, String secretKey, Clock clock) {
    var request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
    if (body != null) {
      request.putHeader("Content-Type", "application/json");
    }
    var signed = AwsV4HttpSigner.create().sign(r -> {
      r.identity(AwsCredentialsIdentity.create(accessKey, secretKey))
          .request(request.build())
          .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
          .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
          .putProperty(HttpSigner.SIGNING_CLOCK, clock);
      if (body != null) {
        r.payload(ContentStreamProvider.fromUtf8String(body));
      }
    });
    return signed.request().headers();
  }
}
