package io.sparkube.operator.events;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events about a resource, so {@code kubectl describe} tells its story. An Event that
 * cannot be written is logged and dropped: it must never stop the transition it reports.
 */
public final class RunEvents {
  private static final Logger LOG = LoggerFactory.getLogger(RunEvents.class);
  private static final String COMPONENT = "sparkube-operator";

  public enum Type { Normal, Warning }

  private final KubernetesClient client;
  private final Clock clock;
  // Starts from the clock, so names stay unique across the operator's restarts.
  private final AtomicLong sequence;

  public RunEvents(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
    this.sequence = new AtomicLong(clock.millis());
  }

  public void record(HasMetadata about, Type type, String reason, String message) {
    var metadata = about.getMetadata();
    var now = DateTimeFormatter.ISO_INSTANT.format(clock.instant());
    var event = new EventBuilder()
        .withNewMetadata()
            .withName(metadata.getName() + "." + Long.toHexString(sequence.incrementAndGet()))
            .withNamespace(metadata.getNamespace() == null ? "default" : metadata.getNamespace())
            .endMetadata()
        .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(about.getApiVersion()).withKind(about.getKind())
            .withName(metadata.getName()).withNamespace(metadata.getNamespace()).withUid(metadata.getUid())
            .withResourceVersion(metadata.getResourceVersion()).build())
        .withType(type.name()).withReason(reason).withMessage(message)
        .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
        .withNewSource().withComponent(COMPONENT).endSource().withReportingComponent(COMPONENT)
        .build();
    try {
      client.v1().events().inNamespace(event.getMetadata().getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.warn("could not record event {} for {}/{}: {}", reason, metadata.getNamespace(), metadata.getName(),
          e.getMessage());
    }
  }
}
