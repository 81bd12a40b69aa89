package io.sparkube.jobruns.service;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.sparkube.jobruns.error.ApiException;
import io.sparkube.resources.JobRuns;
import io.sparkube.resources.SparkApplication;
import java.util.List;
import java.util.Optional;

/**
 * Job runs as SparkApplication resources in their virtual cluster's namespace, labelled with its
 * id, read and written through the Kubernetes API; the API keeps them nowhere else.
 */
public final class JobRunStore {
  private static final String SUSPEND = "{\"spec\":{\"suspend\":true}}";

  private final KubernetesClient client;

  public JobRunStore(KubernetesClient client) {
    this.client = client;
  }

  /** The run, when it exists and belongs to that virtual cluster (another may share the namespace). */
  public Optional<SparkApplication> find(String namespace, String virtualClusterId, String id) {
    var app = KubeCalls.call("read job run " + id,
        () -> client.resources(SparkApplication.class).inNamespace(namespace).withName(id).get());
    return Optional.ofNullable(app).filter(a -> virtualClusterId.equals(labelOf(a)));
  }

  public List<SparkApplication> list(String namespace, String virtualClusterId) {
    return KubeCalls.call("list the job runs of virtual cluster " + virtualClusterId,
        () -> client.resources(SparkApplication.class).inNamespace(namespace)
            .withLabel(JobRuns.VIRTUAL_CLUSTER_LABEL, virtualClusterId).list().getItems());
  }

  /** Creates it; empty when one of that name exists already, which the caller then reads. */
  public Optional<SparkApplication> create(SparkApplication app) {
    var namespace = app.getMetadata().getNamespace();
    try {
      return Optional.of(client.resources(SparkApplication.class).inNamespace(namespace).resource(app).create());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        return Optional.empty();
      }
      if (e.getCode() == 404) {
        throw ApiException.validation("namespace " + namespace + " of virtual cluster " + labelOf(app)
            + " does not exist; its administrator must create it");
      }
      throw KubeCalls.failed("create job run " + app.getMetadata().getName(), e);
    }
  }

  /** Asks the operator to cancel the run; a merge patch, so it never conflicts with status updates. */
  public void suspend(String namespace, String id) {
    KubeCalls.call("cancel job run " + id, () -> client.resources(SparkApplication.class).inNamespace(namespace)
        .withName(id).patch(PatchContext.of(PatchType.JSON_MERGE), SUSPEND));
  }

  static String labelOf(SparkApplication app) {
    var labels = app.getMetadata().getLabels();
    return labels == null ? null : labels.get(JobRuns.VIRTUAL_CLUSTER_LABEL);
  }
}
