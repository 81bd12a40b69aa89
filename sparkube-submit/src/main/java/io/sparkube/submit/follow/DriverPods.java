package io.sparkube.submit.follow;

import io.sparkube.submit.SparkLabels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.kube.ApiCall;
import io.sparkube.submit.kube.ApiFailures;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Finds the driver pods a submission id names, with one API call as spark-submit makes. */
public final class DriverPods {
  private final KubernetesClient client;

  public DriverPods(KubernetesClient client) {
    this.client = client;
  }

  /** The namespace an id without one refers to: the client's (from -n or the kubeconfig). */
  public String namespaceOf(SubmissionId id) {
    return id.namespaceOr(client.getNamespace());
  }

  /** Matching driver pods, never empty. */
  public List<Pod> find(SubmissionId id) {
    var namespace = namespaceOf(id);
    List<Pod> pods = id.isGlob() ? matching(id, namespace) : exact(id, namespace);
    if (pods.isEmpty()) {
      throw new SparkubeException(Failure.NOT_FOUND, "no driver pod matches " + namespace + ":" + id.podName()
          + "; see the submissions there with sparkube list -n " + namespace);
    }
    return pods;
  }

  private List<Pod> exact(SubmissionId id, String namespace) {
    var pod = call("get", namespace, id.podName(),
        () -> client.pods().inNamespace(namespace).withName(id.podName()).get());
    return Optional.ofNullable(pod).stream().toList();
  }

  private List<Pod> matching(SubmissionId id, String namespace) {
    var pods = call("list", namespace, null, () -> client.pods().inNamespace(namespace)
        .withLabel(SparkLabels.ROLE, SparkLabels.DRIVER).list().getItems());
    return pods.stream().filter(p -> id.matches(p.getMetadata().getName())).toList();
  }

  private <T> T call(String verb, String namespace, String name, Supplier<T> request) {
    return ApiFailures.call(ApiCall.of(client, verb, "pods", namespace, name), request);
  }
}
