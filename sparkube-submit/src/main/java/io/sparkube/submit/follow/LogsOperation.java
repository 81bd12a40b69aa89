package io.sparkube.submit.follow;

import io.sparkube.submit.SparkLabels;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.kube.ApiCall;
import io.sparkube.submit.kube.ApiFailures;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** {@code sparkube logs [-f]}: the driver container's log, streamed to a writer. */
public final class LogsOperation {
  private final KubernetesClient client;
  private final DriverPods pods;

  public LogsOperation(KubernetesClient client) {
    this.client = client;
    this.pods = new DriverPods(client);
  }

  /** With {@code follow}, returns when the container's log ends, i.e. when the driver exits. */
  public void logs(SubmissionId id, boolean follow, Writer out) {
    var matches = pods.find(id);
    if (matches.size() > 1) {
      throw new SparkubeException(Failure.INVALID_CONFIG, id + " matches " + matches.size()
          + " driver pods; name exactly one to read its log");
    }
    var pod = matches.get(0);
    var namespace = pod.getMetadata().getNamespace();
    var name = pod.getMetadata().getName();
    ContainerResource container = client.pods().inNamespace(namespace).withName(name)
        .inContainer(DriverContainer.name(pod).orElse(SparkLabels.DRIVER_CONTAINER));
    var call = ApiCall.of(client, "get", "pods/log", namespace, name);
    try {
      if (follow) {
        try (var watch = ApiFailures.call(call, container::watchLog);
            var reader = new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8)) {
          reader.transferTo(out);
        }
      } else {
        String log = ApiFailures.call(call, container::getLog);
        out.write(log);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
