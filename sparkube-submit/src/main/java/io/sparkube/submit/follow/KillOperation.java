package io.sparkube.submit.follow;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.sparkube.model.config.Conf;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.kube.ApiCall;
import io.sparkube.submit.kube.ApiFailures;
import java.util.List;
import java.util.Optional;

/**
 * {@code sparkube kill}: deletes matching driver pods; owner references take the rest. A plain
 * name costs one DELETE, as in spark-submit --kill.
 */
public final class KillOperation {
  private final KubernetesClient client;
  private final DriverPods pods;
  private final Optional<Long> gracePeriodSeconds;

  public KillOperation(KubernetesClient client, Optional<Long> gracePeriodSeconds) {
    this.client = client;
    this.pods = new DriverPods(client);
    this.gracePeriodSeconds = gracePeriodSeconds;
  }

  public KillOperation(KubernetesClient client, Conf conf) {
    this(client, conf.getOptional(FollowKeys.KILL_GRACE_PERIOD_SECONDS));
  }

  /** The {@code namespace:name} of each pod deleted; fails when none matched. */
  public List<String> kill(SubmissionId id) {
    var namespace = pods.namespaceOf(id);
    if (!id.isGlob()) {
      var deleted = delete(client.pods().inNamespace(namespace).withName(id.podName()), namespace, id.podName());
      if (!deleted) {
        throw new SparkubeException(Failure.NOT_FOUND, "no driver pod " + namespace + ":" + id.podName()
            + "; see the submissions there with sparkube list -n " + namespace);
      }
      return List.of(namespace + ":" + id.podName());
    }
    return pods.find(id).stream().filter(pod -> delete(pod)).map(KillOperation::idOf).toList();
  }

  private boolean delete(Pod pod) {
    var name = pod.getMetadata().getName();
    return delete(client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(name),
        pod.getMetadata().getNamespace(), name);
  }

  private boolean delete(PodResource pod, String namespace, String name) {
    var call = ApiCall.of(client, "delete", "pods", namespace, name);
    var deleted = ApiFailures.call(call, () -> gracePeriodSeconds
        .map(seconds -> pod.withGracePeriod(seconds).delete()).orElseGet(pod::delete));
    return !deleted.isEmpty();
  }

  private static String idOf(Pod pod) {
    return pod.getMetadata().getNamespace() + ":" + pod.getMetadata().getName();
  }
}
