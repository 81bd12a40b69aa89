package io.sparkube.staging.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warning says what failed and which grant would fix it, in one line. */
class WatchFailureTest {
  private static final String API = "https://10.0.0.1:443/";

  private static KubernetesClientException status(int code, String message) {
    return new KubernetesClientException(new StatusBuilder().withCode(code).withMessage(message).build());
  }

  @Test
  void forbiddenInNamespacesAsksForARoleInEach() {
    var warning = WatchFailure.describe(status(403, "pods is forbidden: User \"system:serviceaccount:s:staging\""
        + " cannot list resource \"pods\""), List.of("team-a", "team-b"), API);

    assertThat(warning).startsWith("cannot watch Spark driver pods in namespace(s) team-a, team-b: the API server"
        + " denied it (pods is forbidden: User \"system:serviceaccount:s:staging\" cannot list resource \"pods\")")
        .contains("a Role granting get, list and watch on pods, bound to it by a RoleBinding, in each of team-a,"
            + " team-b", "--job-namespaces", "keeps serving")
        .doesNotContain("\n");
  }

  @Test
  void forbiddenEverywhereAsksForAClusterRole() {
    assertThat(WatchFailure.describe(new RuntimeException(status(403, "forbidden")), List.of(), API))
        .startsWith("cannot watch Spark driver pods in all namespaces")
        .contains("a ClusterRole granting get, list and watch on pods, bound to it by a ClusterRoleBinding");
  }

  @Test
  void rejectedCredentialsAndUnreachableServersSaySo() {
    assertThat(WatchFailure.describe(status(401, "Unauthorized"), List.of("jobs"), API))
        .contains("the API server at " + API + " rejected the staging server's credentials (401)");
    assertThat(WatchFailure.describe(new KubernetesClientException("Operation: [list] failed.\nmore",
        new ConnectException("Connection refused")), List.of("jobs"), API))
        .contains("in namespace(s) jobs: the API server at " + API + " failed or could not be reached"
            + " (ConnectException: Connection refused); check that it is reachable")
        .doesNotContain("\n");
  }
}
