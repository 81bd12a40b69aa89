package io.sparkube.operator.submission;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.sparkube.model.config.Conf;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.operator.observer.DriverPods;
import io.sparkube.resources.SparkApplication;
import io.sparkube.resources.VirtualCluster;
import io.sparkube.resources.VirtualClusterPolicy;
import io.sparkube.submit.ClusterSubmitter;
import io.sparkube.submit.SubmitEnvironment;
import io.sparkube.submit.driver.SubmissionIds;
import io.sparkube.submit.identity.IdentityKeys;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Submits one attempt of a run in-process, or adopts the driver an earlier pass made for it: the
 * attempt's ids derive from the run's uid, so both name the same pod, the create finds it taken by
 * a pod of the same application id, and nothing runs twice.
 */
public final class RunSubmission {
  private static final SubmitEnvironment ENVIRONMENT = new SubmitEnvironment(Map.of(), "sparkube", Path.of("/"));
  private static final List<String> EXECUTOR_COUNT_KEYS =
      List.of("spark.executor.instances", "spark.dynamicAllocation.maxExecutors");

  /** The attempt's driver, and what the submission warned about. */
  public record Submitted(String driverPod, String appId, boolean adopted, List<String> warnings) {}

  private final ClusterSubmitter submitter;

  public RunSubmission(ClusterSubmitter submitter) {
    this.submitter = submitter;
  }

  /** @throws SparkubeException when the run's settings are refused or the cluster refuses its objects */
  public Submitted submit(SparkApplication app, Optional<VirtualCluster> cluster, int attempt) {
    var reporter = new WarningsReporter();
    var ids = SubmissionIds.derived(app.getMetadata().getUid() + "/" + attempt);
    var plan = submitter.plan(SubmitArguments.of(app, cluster), ENVIRONMENT, ids,
        conf -> cluster.map(VirtualClusterPolicy::new).ifPresent(policy -> check(policy, conf)), reporter);
    var owner = new OwnerReferenceBuilder().withApiVersion(app.getApiVersion()).withKind(app.getKind())
        .withName(app.getMetadata().getName()).withUid(app.getMetadata().getUid()).withController(true)
        .withBlockOwnerDeletion(true).build();
    var created = submitter.create(plan, owner, DriverPods.labels(app.getMetadata().getName(), attempt), reporter);
    return new Submitted(created.podName(), created.appId(), created.adopted(), reporter.warnings());
  }

  private static void check(VirtualClusterPolicy policy, Conf conf) {
    var identity = conf.raw(IdentityKeys.IDENTITY.key()).orElse(VirtualClusterPolicy.NO_IDENTITY);
    policy.refusedIdentity(identity).ifPresent(why -> {
      throw SparkubeException.invalidConfig(why);
    });
    for (var key : EXECUTOR_COUNT_KEYS) {
      var value = conf.raw(key);
      if (value.isPresent()) {
        int executors;
        try {
          executors = Integer.parseInt(value.get().trim());
        } catch (NumberFormatException e) {
          throw SparkubeException.invalidConfig(key + "=" + value.get() + " is not a number; give a whole number");
        }
        policy.refusedExecutors(key, executors).ifPresent(why -> {
          throw SparkubeException.invalidConfig(why);
        });
      }
    }
  }
}
