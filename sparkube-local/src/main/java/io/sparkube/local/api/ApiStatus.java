package io.sparkube.local.api;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;

/** Kubernetes {@code Status} failure bodies, the shape every Kubernetes client parses errors from. */
final class ApiStatus {
  private ApiStatus() {}

  static String json(int code, String reason, String message) {
    return Serialization.asJson(new StatusBuilder().withApiVersion("v1").withKind("Status").withStatus("Failure")
        .withCode(code).withReason(reason).withMessage(message).build());
  }

  static MockResponse response(int code, String reason, String message) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
        .setBody(json(code, reason, message));
  }

  static MockResponse json(int code, String body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
  }
}
