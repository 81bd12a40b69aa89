package io.sparkube.submit.create;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.Reporter;
import io.sparkube.submit.SparkLabels;
import io.sparkube.submit.driver.DriverPlan;
import io.sparkube.submit.kube.ApiCall;
import io.sparkube.submit.kube.ApiFailures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Creates a driver's objects in the order Spark 3.5's Client.run does: pre-resources, the pod,
 * pre-resources again now owned by the pod, then resources and the ConfigMap owned by the pod.
 * Each object is applied on its own (as fabric8's resourceList does internally) so that on a
 * failure exactly what was created is deleted. It makes no API calls beyond Spark's, except when
 * the pod's name is taken: a pod carrying this plan's application id is this submission's own, made
 * by an earlier pass of it that did not live to finish (a caller repeating a submission derives the
 * same ids), so it is adopted and the rest applied over it rather than made twice.
 */
public final class DriverCreator {
  private static final String APPLY = "apply";
  // On a create, the API server answers 409 only when the name is taken (AlreadyExists).
  private static final int HTTP_CONFLICT = 409;

  private final KubernetesClient client;
  private final Reporter reporter;

  public DriverCreator(KubernetesClient client, Reporter reporter) {
    this.client = client;
    this.reporter = reporter;
  }

  public CreatedDriver create(DriverPlan plan) {
    var namespace = plan.namespace();
    var rollback = new Rollback(client, namespace);
    try {
      for (var object : plan.preResources()) {
        rollback.created(apply(object, namespace));
      }
      var driver = createOrAdopt(plan, namespace);
      var pod = driver.pod();
      // An adopted pod is this submission's too: if what follows fails, the attempt is undone whole.
      rollback.created(pod);
      for (var object : ownedBy(pod, plan.preResources())) {
        apply(object, namespace);
      }
      var after = new ArrayList<HasMetadata>(plan.resources());
      after.add(plan.configMap());
      for (var object : ownedBy(pod, after)) {
        rollback.created(apply(object, namespace));
      }
      reporter.info((driver.adopted() ? "Adopted" : "Created") + " driver pod " + plan.submissionId()
          + " for application " + plan.appId());
      return new CreatedDriver(namespace, pod, rollback.created(), plan.appId(), driver.adopted());
    } catch (SparkubeException e) {
      rollback.undo(e);
      throw e;
    }
  }

  /** The driver pod, and whether an earlier pass of the same submission had created it. */
  private record DriverPod(Pod pod, boolean adopted) {}

  /**
   * POSTs the pod; when its name is taken, GETs the pod there (the rare path) and adopts it if it
   * carries this plan's application id. Any other pod of that name is someone else's: a failure.
   */
  private DriverPod createOrAdopt(DriverPlan plan, String namespace) {
    try {
      return new DriverPod(createPod(plan.driverPod(), namespace), false);
    } catch (RuntimeException e) {
      var failure = ApiFailures.translate(e, ApiCall.of(client, "create", plan.driverPod(), namespace));
      if (e instanceof KubernetesClientException k && k.getCode() == HTTP_CONFLICT) {
        try {
          var earlier = earlierPass(plan, namespace);
          if (earlier.isPresent()) {
            return new DriverPod(earlier.get(), true);
          }
        } catch (SparkubeException lookup) {
          failure.addSuppressed(lookup);
        }
      }
      throw failure;
    }
  }

  private Optional<Pod> earlierPass(DriverPlan plan, String namespace) {
    var name = plan.driverPodName();
    var existing = ApiFailures.call(ApiCall.of(client, "get", "pods", namespace, name),
        () -> client.pods().inNamespace(namespace).withName(name).get());
    return Optional.ofNullable(existing)
        .filter(pod -> pod.getMetadata().getLabels() != null
            && plan.appId().equals(pod.getMetadata().getLabels().get(SparkLabels.APP_ID)));
  }

  /**
   * POSTs the pod and reads back only what its owned objects need (uid, apiVersion, kind). Reading
   * the whole Pod back through Jackson's bean deserializers would cost a fifth of a submission.
   */
  private Pod createPod(Pod pod, String namespace) {
    var body = client.raw("/api/v1/namespaces/" + namespace + "/pods", "POST", pod);
    Map<?, ?> created = client.getKubernetesSerialization().unmarshal(body, Map.class);
    var metadata = (Map<?, ?>) created.get("metadata");
    return new PodBuilder(pod)
        .withApiVersion((String) created.get("apiVersion"))
        .withKind((String) created.get("kind"))
        .editMetadata()
            .withNamespace((String) metadata.get("namespace"))
            .withUid((String) metadata.get("uid"))
            .withResourceVersion((String) metadata.get("resourceVersion"))
            .endMetadata()
        .build();
  }

  private HasMetadata apply(HasMetadata object, String namespace) {
    return call(APPLY, object, namespace,
        () -> client.resource(object).inNamespace(namespace).forceConflicts().serverSideApply());
  }

  private List<HasMetadata> ownedBy(Pod pod, List<HasMetadata> objects) {
    return OwnerReferences.ownedBy(pod, objects, client.getKubernetesSerialization());
  }

  private <T> T call(String verb, HasMetadata object, String namespace, Supplier<T> request) {
    return ApiFailures.call(ApiCall.of(client, verb, object, namespace), request);
  }
}
