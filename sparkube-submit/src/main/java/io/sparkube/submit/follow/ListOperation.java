package io.sparkube.submit.follow;

import io.sparkube.submit.SparkLabels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.submit.kube.ApiCall;
import io.sparkube.submit.kube.ApiFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@code sparkube list}: the driver pods in a namespace, or in all of them. */
public final class ListOperation {
  private final KubernetesClient client;
  private final Clock clock;

  /** One submission as listed; age is empty when the server gave no creation time. */
  public record Row(String submissionId, String appName, String phase, Optional<Duration> age) {}

  public ListOperation(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** Oldest first; {@code namespace} empty means every namespace. */
  public List<Row> list(Optional<String> namespace) {
    var call = ApiCall.of(client, "list", "pods", namespace.orElse("*"), null);
    List<Pod> pods = ApiFailures.call(call, () -> namespace
        .map(ns -> client.pods().inNamespace(ns).withLabel(SparkLabels.ROLE, SparkLabels.DRIVER).list())
        .orElseGet(() -> client.pods().inAnyNamespace().withLabel(SparkLabels.ROLE, SparkLabels.DRIVER).list())
        .getItems());
    return pods.stream().map(this::row)
        .sorted(Comparator.comparing((Row r) -> r.age().orElse(Duration.ZERO)).reversed()).toList();
  }

  /** Aligned columns with a header, as kubectl get prints them. */
  public static List<String> format(List<Row> rows) {
    var table = new ArrayList<String[]>();
    table.add(new String[] {"SUBMISSION ID", "APP", "PHASE", "AGE"});
    rows.forEach(r -> table.add(new String[] {r.submissionId(), r.appName(), r.phase(),
        r.age().map(JobSnapshot::format).orElse("?")}));
    var widths = new int[4];
    table.forEach(cells -> {
      for (int i = 0; i < cells.length; i++) {
        widths[i] = Math.max(widths[i], cells[i].length());
      }
    });
    return table.stream().map(cells -> String.format("%-" + widths[0] + "s  %-" + widths[1] + "s  %-"
        + widths[2] + "s  %s", (Object[]) cells).stripTrailing()).toList();
  }

  private Row row(Pod pod) {
    var meta = pod.getMetadata();
    var labels = meta.getLabels() == null ? java.util.Map.<String, String>of() : meta.getLabels();
    var age = Optional.ofNullable(meta.getCreationTimestamp())
        .map(t -> Duration.between(Instant.parse(t), clock.instant()));
    return new Row(meta.getNamespace() + ":" + meta.getName(), labels.getOrDefault(SparkLabels.APP_NAME, "-"),
        DriverContainer.phase(pod), age);
  }
}
