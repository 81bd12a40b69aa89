package io.sparkube.submit.follow;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/** {@code sparkube status}: one line per matching driver pod. */
public final class StatusOperation {
  private final DriverPods pods;

  public StatusOperation(KubernetesClient client) {
    this.pods = new DriverPods(client);
  }

  public List<String> status(SubmissionId id) {
    return pods.find(id).stream().map(PodStates::describe).toList();
  }
}
