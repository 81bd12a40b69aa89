package io.sparkube.local.api;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether deleting a pod waits for the node, and for how long. A pod waits when a node runs it
 * ({@code spec.nodeName} set), it has not ended, and the grace period is positive; the grace
 * period is the request's, else the pod's {@code terminationGracePeriodSeconds}, else 30 s.
 */
record PodTermination(StoredObject pod, long graceSeconds, boolean alreadyTerminating) {

  /** Empty when the pod should be removed at once. */
  static Optional<PodTermination> of(StoredObject pod, Long requestedGrace, long defaultGrace) {
    var props = pod.resource().getAdditionalProperties();
    var spec = props.get("spec") instanceof java.util.Map<?, ?> map ? map : java.util.Map.of();
    var status = props.get("status") instanceof java.util.Map<?, ?> map ? map : java.util.Map.of();
    var phase = String.valueOf(status.get("phase"));
    boolean bound = spec.get("nodeName") instanceof String node && !node.isEmpty();
    if (!bound || phase.equals("Succeeded") || phase.equals("Failed")) {
      return Optional.empty();
    }
    long grace = requestedGrace != null ? requestedGrace
        : spec.get("terminationGracePeriodSeconds") instanceof Number n ? n.longValue() : defaultGrace;
    if (grace <= 0) {
      return Optional.empty();
    }
    boolean terminating = pod.resource().getMetadata().getDeletionTimestamp() != null;
    return Optional.of(new PodTermination(pod, grace, terminating));
  }

  /** The JSON patch that marks the pod terminating, keeping it stored through our finalizer. */
  String markPatch(Instant deadline) {
    var existing = pod.resource().getMetadata().getFinalizers();
    var finalizer = existing == null || existing.isEmpty()
        ? "{\"op\":\"add\",\"path\":\"/metadata/finalizers\",\"value\":[\"" + Deletions.TERMINATION_FINALIZER + "\"]}"
        : "{\"op\":\"add\",\"path\":\"/metadata/finalizers/-\",\"value\":\"" + Deletions.TERMINATION_FINALIZER + "\"}";
    return "[{\"op\":\"add\",\"path\":\"/metadata/deletionTimestamp\",\"value\":\"" + deadline + "\"},"
        + "{\"op\":\"add\",\"path\":\"/metadata/deletionGracePeriodSeconds\",\"value\":" + graceSeconds + "},"
        + finalizer + "]";
  }
}
