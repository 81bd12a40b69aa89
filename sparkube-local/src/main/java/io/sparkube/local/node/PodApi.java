package io.sparkube.local.node;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's writes to the API server. Status goes through the status subresource and binding is a
 * merge patch of spec.nodeName alone, so neither can clobber what others wrote to the pod.
 */
final class PodApi {
  private static final Logger LOG = LoggerFactory.getLogger(PodApi.class);
  private static final int NOT_FOUND = 404;
  private final KubernetesClient client;
  private final String nodeName;

  PodApi(KubernetesClient client, String nodeName) {
    this.client = client;
    this.nodeName = nodeName;
  }

  void bind(PodRun run) {
    if (run.pod.getSpec().getNodeName() != null) {
      return;
    }
    var patch = "{\"spec\":{\"nodeName\":\"" + nodeName + "\"}}";
    tolerateGone(run, () -> run.pod = client.pods().inNamespace(run.namespace()).withName(run.name())
        .patch(PatchContext.of(PatchType.JSON_MERGE), patch));
  }

  void writeStatus(PodRun run) {
    var status = PodStatusFactory.statusOf(run, run.startTime);
    tolerateGone(run, () -> client.pods().inNamespace(run.namespace()).withName(run.name()).editStatus(pod -> {
      pod.setStatus(status);
      return pod;
    }));
  }

  /** The last step of a graceful deletion: the kubelet confirms the pod is gone. */
  void deleteNow(Pod pod) {
    try {
      client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
          .withGracePeriod(0).delete();
    } catch (KubernetesClientException e) {
      LOG.warn("cannot delete pod {}/{}: {}", pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
          e.getMessage());
    }
  }

  /** A pod deleted meanwhile is not an error: its delete event is on its way. */
  private static void tolerateGone(PodRun run, Runnable write) {
    try {
      write.run();
    } catch (KubernetesClientException e) {
      if (e.getCode() != NOT_FOUND) {
        LOG.warn("cannot update pod {}: {}", run, e.getMessage());
      }
    }
  }
}
