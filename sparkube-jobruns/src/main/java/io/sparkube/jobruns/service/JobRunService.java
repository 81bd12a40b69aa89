package io.sparkube.jobruns.service;

import io.sparkube.jobruns.auth.Caller;
import io.sparkube.jobruns.error.ApiException;
import io.sparkube.jobruns.validation.Shape;
import io.sparkube.jobruns.validation.StartJobRunChecks;
import io.sparkube.jobruns.validation.SubmitParameters;
import io.sparkube.jobruns.wire.Json;
import io.sparkube.jobruns.wire.Results;
import io.sparkube.jobruns.wire.StartJobRunRequest;
import io.sparkube.resources.JobRunState;
import io.sparkube.resources.JobRuns;
import io.sparkube.resources.SparkApplication;
import io.sparkube.resources.VirtualCluster;
import io.sparkube.resources.VirtualClusterState;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The job-run operations. A run is a SparkApplication named after its client token, so a retried
 * or duplicated StartJobRun finds the run the first one made, even when both race.
 */
public final class JobRunService {
  private final VirtualClusterStore clusters;
  private final JobRunStore runs;
  private final JobRunPlanner planner;
  private final JobRunViews views;

  public JobRunService(VirtualClusterStore clusters, JobRunStore runs, SubmitParameters submitParameters, Arns arns) {
    this.clusters = clusters;
    this.runs = runs;
    this.planner = new JobRunPlanner(submitParameters);
    this.views = new JobRunViews(arns);
  }

  public Results.StartJobRun start(String clusterId, byte[] body, Caller caller) {
    var request = Json.readRequest(body, StartJobRunRequest.class, "StartJobRun");
    var driver = StartJobRunChecks.check(request);
    var cluster = clusters.requireOrNotFound(clusterId);
    var namespace = cluster.getSpec().getNamespace();
    var id = JobRuns.idFor(clusterId, request.clientToken());
    SparkApplication app;
    try {
      requireRunning(cluster);
      app = planner.plan(cluster, request, driver, new String(body, StandardCharsets.UTF_8), caller);
    } catch (ApiException refused) {
      // A retry gets the run its token already started, even if the cluster stopped or its policy changed since.
      return views.started(runs.find(namespace, clusterId, id).orElseThrow(() -> refused));
    }
    // Create first: a new token, the usual case, then costs no read; a repeated one answers 409 and is read.
    var created = runs.create(app).or(() -> runs.find(namespace, clusterId, id));
    return views.started(created.orElseThrow(() -> ApiException.internal("job run " + id + " was created by a"
        + " concurrent request and then removed before it could be read; retry", null)));
  }

  public Results.DescribeJobRun describe(String clusterId, String id) {
    var cluster = clusters.requireOrNotFound(clusterId);
    var app = runs.find(cluster.getSpec().getNamespace(), clusterId, id).orElseThrow(() -> ApiException.notFound(
        "Job run " + id + " doesn't exist in virtual cluster " + clusterId + "."));
    return new Results.DescribeJobRun(views.view(app));
  }

  public Results.ListJobRuns list(String clusterId, ListQuery query) {
    var cluster = clusters.requireOrInvalid(clusterId);
    var name = query.text("name", Shape.RESOURCE_NAME);
    var states = query.states(JobRunState.class);
    var created = query.created();
    var size = query.pageSize();
    var after = query.after();
    var matching = runs.list(cluster.getSpec().getNamespace(), clusterId).stream()
        .filter(app -> name.isEmpty() || name.get().equals(app.getSpec().getDisplayName()))
        .filter(app -> states.isEmpty() || states.contains(Lifecycle.of(app)))
        .filter(app -> created.contains(JobRunViews.createdAt(app)))
        .toList();
    var page = Pages.newestFirst(matching, JobRunViews::cursor, size, after);
    return new Results.ListJobRuns(page.items().stream().map(views::view).toList(), page.nextToken());
  }

  /** Sets spec.suspend; the operator then moves the run to CANCEL_PENDING and CANCELLED. */
  public Results.CancelJobRun cancel(String clusterId, String id) {
    var cluster = clusters.requireOrInvalid(clusterId);
    var namespace = cluster.getSpec().getNamespace();
    var app = runs.find(namespace, clusterId, id).orElseThrow(() -> ApiException.validation(
        "Job run " + id + " doesn't exist in virtual cluster " + clusterId + "."));
    var state = Lifecycle.of(app);
    if (state.isFinal()) {
      throw ApiException.validation("Job run " + id + " is not in a cancellable state: it is " + state);
    }
    if (!app.getSpec().isSuspend()) {
      runs.suspend(namespace, id);
    }
    return new Results.CancelJobRun(id, clusterId);
  }

  /** The runs of a virtual cluster that have not ended yet. */
  List<SparkApplication> active(VirtualCluster cluster) {
    return runs.list(cluster.getSpec().getNamespace(), cluster.getMetadata().getName()).stream()
        .filter(app -> !Lifecycle.of(app).isFinal()).toList();
  }

  void requestCancel(SparkApplication app) {
    if (!app.getSpec().isSuspend()) {
      runs.suspend(app.getMetadata().getNamespace(), app.getMetadata().getName());
    }
  }

  private static void requireRunning(VirtualCluster cluster) {
    var state = Lifecycle.of(cluster);
    if (state != VirtualClusterState.RUNNING) {
      throw ApiException.validation("Virtual cluster " + cluster.getMetadata().getName() + " is " + state
          + "; job runs start only in a RUNNING virtual cluster");
    }
  }
}
