package io.sparkube.staging.jobs;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;

/** The one warning logged when the driver-pod watch cannot run: what failed and what grant or fix it needs. */
final class WatchFailure {
  private static final String CONSEQUENCE = "; until then the server keeps serving, and a job's files are released"
      + " only when its submitter releases them (not for jobs submitted with --no-wait)";

  private WatchFailure() {}

  /** @param namespaces the namespaces watched; empty for all */
  static String describe(Throwable failure, List<String> namespaces, String apiServer) {
    var what = "cannot watch Spark driver pods " + (namespaces.isEmpty() ? "in all namespaces"
        : "in namespace(s) " + String.join(", ", namespaces)) + ": ";
    var api = apiException(failure);
    int code = api == null ? 0 : api.getCode();
    if (code == 403) {
      var grant = namespaces.isEmpty() ? "a ClusterRole granting get, list and watch on pods, bound to it by a"
          + " ClusterRoleBinding" : "a Role granting get, list and watch on pods, bound to it by a RoleBinding, in"
          + " each of " + String.join(", ", namespaces);
      return what + "the API server denied it (" + serverReason(api) + "). The staging server's ServiceAccount needs "
          + grant + " (sparkube staging install --job-namespaces creates them)" + CONSEQUENCE;
    }
    if (code == 401) {
      return what + "the API server at " + apiServer + " rejected the staging server's credentials (401); give its"
          + " pod a ServiceAccount token (automountServiceAccountToken) or a valid kubeconfig" + CONSEQUENCE;
    }
    return what + "the API server at " + apiServer + " failed or could not be reached (" + rootCause(failure)
        + "); check that it is reachable from the staging server" + CONSEQUENCE;
  }

  private static KubernetesClientException apiException(Throwable failure) {
    for (var t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof KubernetesClientException api) {
        return api;
      }
    }
    return null;
  }

  /** The server's own words when it sent a Status (they name the user and the verb), else the client's. */
  private static String serverReason(KubernetesClientException api) {
    var status = api.getStatus();
    return firstLine(status != null && status.getMessage() != null ? status.getMessage() : api.getMessage());
  }

  /** The innermost cause says what went wrong (a refused connection, a timeout); the wrappers only say where. */
  private static String rootCause(Throwable failure) {
    var root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    var status = root instanceof KubernetesClientException api && api.getStatus() != null
        && api.getStatus().getMessage() != null ? api.getStatus().getMessage() : root.getMessage();
    return root.getClass().getSimpleName() + (status == null ? "" : ": " + firstLine(status));
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse(message).strip();
  }
}
