package io.sparkube.submit.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/** Turns what the client library throws into one-line failures that name the fix. */
public final class ApiFailures {
  private static final String AUTH_PREFIX = "spark.kubernetes.authenticate.submission.";

  private ApiFailures() {}

  /** Runs one request, translating its failure in the light of {@code call}. */
  public static <T> T call(ApiCall call, Supplier<T> request) {
    try {
      return request.get();
    } catch (RuntimeException e) {
      throw translate(e, call);
    }
  }

  public static SparkubeException translate(Throwable error, ApiCall call) {
    if (error instanceof SparkubeException known) {
      return known;
    }
    if (error instanceof KubernetesClientException k && k.getCode() > 0) {
      return fromStatus(k, call);
    }
    if (causedBy(error, SSLException.class) || causedBy(error, GeneralSecurityException.class)) {
      return new SparkubeException(Failure.TLS_FAILURE, "TLS with the API server at " + call.server()
          + " failed (" + rootMessage(error) + "); set " + AUTH_PREFIX + "caCertFile to the cluster's CA"
          + " or fix certificate-authority in the kubeconfig", error);
    }
    if (causedBy(error, IOException.class)) {
      return new SparkubeException(Failure.API_UNREACHABLE, "cannot reach the Kubernetes API server at "
          + call.server() + " (" + rootMessage(error) + "); check --master or the kubeconfig's server"
          + " and that the cluster is up", error);
    }
    return new SparkubeException(Failure.API_ERROR, "cannot " + call.verb() + " " + call.target() + ": "
        + rootMessage(error), error);
  }

  private static SparkubeException fromStatus(KubernetesClientException e, ApiCall call) {
    var message = serverMessage(e);
    return switch (e.getCode()) {
      case 401 -> new SparkubeException(Failure.UNAUTHORIZED, "the API server at " + call.server()
          + " rejected the credentials of " + call.identity() + " (401 Unauthorized); refresh the"
          + " kubeconfig's credentials or set " + AUTH_PREFIX + "oauthTokenFile", e);
      case 403 -> message.contains("exceeded quota")
          ? Denials.quota(e, message, call) : Denials.forbidden(e, message, call);
      case 404 -> isMissingNamespace(e, message, call)
          ? new SparkubeException(Failure.NAMESPACE_MISSING, "namespace \"" + call.namespace()
              + "\" does not exist; create it with kubectl create namespace " + call.namespace()
              + " or set spark.kubernetes.namespace", e)
          : apiError(e, message, call);
      // A 409 on create always means the name is taken (Conflict on update is a version clash).
      case 409 -> call.verb().equals("create") && call.resource().equals("pods")
          ? new SparkubeException(Failure.NAME_TAKEN, "pod \"" + call.namespace() + "/"
              + call.name().orElse("") + "\" already exists; change spark.kubernetes.driver.pod.name or"
              + " delete the old pod", e)
          : apiError(e, message, call);
      default -> apiError(e, message, call);
    };
  }

  private static SparkubeException apiError(KubernetesClientException e, String message, ApiCall call) {
    return new SparkubeException(Failure.API_ERROR, "the API server refused to " + call.verb() + " "
        + call.target() + " (" + e.getCode() + "): " + message, e);
  }

  private static boolean isMissingNamespace(KubernetesClientException e, String message, ApiCall call) {
    var details = e.getStatus() == null ? null : e.getStatus().getDetails();
    if (details != null && "namespaces".equals(details.getKind())) {
      return true;
    }
    return message.contains("namespaces \"" + call.namespace() + "\" not found");
  }

  private static String serverMessage(KubernetesClientException e) {
    var status = e.getStatus();
    var text = status != null && status.getMessage() != null ? status.getMessage() : e.getMessage();
    return oneLine(text);
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    var text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return oneLine(text);
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** Server messages may span lines; a failure message is one. */
  static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
