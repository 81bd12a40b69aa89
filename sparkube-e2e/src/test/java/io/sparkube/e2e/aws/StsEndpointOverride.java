package io.sparkube.e2e.aws;

import java.net.URI;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Sends an AWS SDK v2 STS client's requests to {@code AWS_ENDPOINT_URL_STS}, as SDKs from 2.28 do
 * natively; 2.24 (hadoop-aws 3.4.1's) ignores that variable, and the STS client that
 * WebIdentityTokenFileCredentialsProvider builds offers no other endpoint setting. It runs inside
 * the test jobs: {@link IdentityDeps} packs it into the jobs' dependency directory with the SDK's
 * registration file for STS interceptors. Only the destination changes, never the request.
 */
public final class StsEndpointOverride implements ExecutionInterceptor {
  static final String ENV = "AWS_ENDPOINT_URL_STS";
  /** Where the SDK looks for the STS client's interceptors on the class path. */
  static final String REGISTRATION = "software/amazon/awssdk/services/sts/execution.interceptors";

  @Override
  public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
    var endpoint = System.getenv(ENV);
    var request = context.httpRequest();
    if (endpoint == null || endpoint.isBlank()) {
      return request;
    }
    var uri = URI.create(endpoint);
    return request.toBuilder().protocol(uri.getScheme()).host(uri.getHost()).port(uri.getPort()).build();
  }
}
