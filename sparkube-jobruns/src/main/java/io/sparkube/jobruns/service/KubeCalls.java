package io.sparkube.jobruns.service;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sparkube.jobruns.error.ApiException;
import java.util.function.Supplier;

/** A Kubernetes API call; a failure the caller did not expect becomes an InternalServerException saying which. */
final class KubeCalls {
  private KubeCalls() {}

  static <T> T call(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      throw failed(what, e);
    }
  }

  static ApiException failed(String what, KubernetesClientException e) {
    var why = e.getCode() == 403 ? "the API's ServiceAccount is not allowed to; grant it the job-runs API's RBAC"
        : "the Kubernetes API answered " + (e.getCode() > 0 ? e.getCode() + ": " : "") + firstLine(e.getMessage());
    return ApiException.internal("cannot " + what + ": " + why, e);
  }

  private static String firstLine(String message) {
    return message == null ? "no message" : message.lines().findFirst().orElse("");
  }
}
