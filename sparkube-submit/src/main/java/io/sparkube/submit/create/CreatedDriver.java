package io.sparkube.submit.create;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/**
 * The objects one submission created, as the API server returned them.
 *
 * @param pod the driver pod, with the uid its owned objects refer to
 * @param objects everything created (or, for an adopted pod, applied over it), in creation order
 * @param adopted whether the pod was made by an earlier pass of the same submission, not by this one
 */
public record CreatedDriver(String namespace, Pod pod, List<HasMetadata> objects, String appId, boolean adopted) {

  public CreatedDriver {
    objects = List.copyOf(objects);
  }

  public String podName() {
    return pod.getMetadata().getName();
  }

  /** {@code namespace:driver-pod}, the id status, logs and kill take. */
  public String submissionId() {
    return namespace + ":" + podName();
  }
}
