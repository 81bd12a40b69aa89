package io.sparkube.jobruns.service;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.sparkube.jobruns.auth.Caller;
import io.sparkube.jobruns.error.ApiException;
import io.sparkube.jobruns.validation.ApplicationConfiguration;
import io.sparkube.jobruns.validation.ExecutorLimit;
import io.sparkube.jobruns.validation.IdentityPolicy;
import io.sparkube.jobruns.validation.ReleaseLabels;
import io.sparkube.jobruns.validation.ReservedSettings;
import io.sparkube.jobruns.validation.SubmitParameters;
import io.sparkube.jobruns.wire.JobDriver.SparkSubmitJobDriver;
import io.sparkube.jobruns.wire.StartJobRunRequest;
import io.sparkube.resources.JobRuns;
import io.sparkube.resources.RestartPolicy;
import io.sparkube.resources.SparkApplication;
import io.sparkube.resources.VirtualCluster;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a checked StartJobRun request into the SparkApplication that is the run, checking first
 * everything that needs its virtual cluster: the release label, the Spark settings and flags, the
 * identity, the limits. It creates nothing; a refusal leaves the cluster as it was.
 */
final class JobRunPlanner {
  /**
   * Kubernetes holds at most 256 KiB of annotations an object; the request is kept in one, with
   * room to spare for the others.
   */
  static final int MAX_STORED_REQUEST_BYTES = 240_000;

  private final SubmitParameters submitParameters;

  JobRunPlanner(SubmitParameters submitParameters) {
    this.submitParameters = submitParameters;
  }

  SparkApplication plan(VirtualCluster cluster, StartJobRunRequest request, SparkSubmitJobDriver driver,
      String requestJson, Caller caller) {
    var clusterId = cluster.getMetadata().getName();
    var spec = cluster.getSpec();
    var release = ReleaseLabels.resolve(request.releaseLabel());
    var overrides = request.configurationOverrides();
    var sparkConf = ApplicationConfiguration.sparkConf(overrides == null ? null : overrides.applicationConfiguration(),
        "configurationOverrides.applicationConfiguration");
    var resolved = submitParameters.check(driver.sparkSubmitParameters(), driver.entryPoint(),
        driver.entryPointArguments(), sparkConf);
    ReservedSettings.check(resolved, driver.entryPoint());
    var identity = IdentityPolicy.identityFor(request.executionRoleArn(), clusterId, spec);
    // What the run would get, in the operator's order: the cluster's defaults, the flags, the overrides.
    var effective = new LinkedHashMap<>(spec.getDefaults().getSparkConf());
    effective.putAll(resolved.asMap());
    effective.putAll(sparkConf);
    ExecutorLimit.check(spec.getLimits().getMaxExecutorsPerJob(), effective, clusterId);
    checkStoredSize(requestJson);

    var app = new SparkApplication();
    var metadata = app.getMetadata();
    metadata.setName(JobRuns.idFor(clusterId, request.clientToken()));
    metadata.setNamespace(spec.getNamespace());
    metadata.setLabels(Map.of(JobRuns.VIRTUAL_CLUSTER_LABEL, clusterId));
    metadata.setAnnotations(Map.of(JobRuns.REQUEST_ANNOTATION, requestJson,
        JobRuns.CREATED_BY_ANNOTATION, caller.createdBy()));
    // Removing the VirtualCluster itself (kubectl delete) removes its runs; the API only marks it TERMINATED.
    metadata.getOwnerReferences().add(new OwnerReferenceBuilder().withApiVersion(cluster.getApiVersion())
        .withKind(cluster.getKind()).withName(clusterId).withUid(cluster.getMetadata().getUid())
        .withBlockOwnerDeletion(false).build());
    var run = app.getSpec();
    run.setVirtualCluster(clusterId);
    run.setDisplayName(request.name());
    run.setSparkVersion(release.sparkVersion());
    run.setImage(spec.getDefaults().getImages().getOrDefault(release.line().line(),
        "apache/spark:" + release.sparkVersion()));
    run.setMainApplicationFile(driver.entryPoint());
    run.setArguments(driver.entryPointArguments());
    run.setSparkSubmitParameters(driver.sparkSubmitParameters());
    run.setSparkConf(sparkConf);
    run.setIdentity(identity);
    if (request.retryPolicyConfiguration() != null) {
      var restart = new RestartPolicy();
      restart.setMaxAttempts(request.retryPolicyConfiguration().maxAttempts());
      run.setRestartPolicy(restart);
    }
    return app;
  }

  private static void checkStoredSize(String requestJson) {
    var bytes = requestJson.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_STORED_REQUEST_BYTES) {
      throw ApiException.validation("the request is " + bytes + " bytes; a job run keeps it in an annotation of"
          + " its SparkApplication, which holds at most " + MAX_STORED_REQUEST_BYTES + " bytes; shorten"
          + " sparkSubmitParameters, entryPointArguments or configurationOverrides");
    }
  }
}
