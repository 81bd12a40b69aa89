package io.sparkube.jobruns.service;

import io.sparkube.jobruns.wire.JobDriver;
import io.sparkube.jobruns.wire.JobRunView;
import io.sparkube.jobruns.wire.Json;
import io.sparkube.jobruns.wire.Results;
import io.sparkube.jobruns.wire.StartJobRunRequest;
import io.sparkube.resources.JobRuns;
import io.sparkube.resources.SparkApplication;
import java.time.Instant;
import java.util.Optional;

/**
 * A SparkApplication as emr-containers describes a job run: what was asked is echoed from the
 * request stored on it, what happened comes from its status. An application made with kubectl has
 * no stored request; its job driver is then read from its spec.
 */
final class JobRunViews {
  private static final int MAX_STATE_DETAILS = 256;

  private final Arns arns;

  JobRunViews(Arns arns) {
    this.arns = arns;
  }

  JobRunView view(SparkApplication app) {
    var id = app.getMetadata().getName();
    var virtualClusterId = virtualClusterId(app);
    var request = request(app);
    var status = Optional.ofNullable(app.getStatus());
    return new JobRunView(
        id,
        app.getSpec().getDisplayName(),
        virtualClusterId,
        arns.jobRun(virtualClusterId, id),
        Lifecycle.of(app).name(),
        request.map(StartJobRunRequest::clientToken).orElse(null),
        request.map(StartJobRunRequest::executionRoleArn).orElse(null),
        request.map(StartJobRunRequest::releaseLabel).orElse(null),
        request.map(StartJobRunRequest::configurationOverrides).orElse(null),
        request.map(StartJobRunRequest::jobDriver).orElseGet(() -> driverOf(app)),
        Timestamps.wire(app.getMetadata().getCreationTimestamp()),
        annotation(app, JobRuns.CREATED_BY_ANNOTATION),
        status.map(s -> Timestamps.wire(s.getFinishedAt())).orElse(null),
        status.map(s -> shorten(s.getStateDetails())).orElse(null),
        status.map(s -> s.getFailureReason() == null ? null : s.getFailureReason().name()).orElse(null),
        request.map(StartJobRunRequest::tags).orElse(null),
        request.map(StartJobRunRequest::retryPolicyConfiguration).orElse(null),
        status.map(s -> s.getAttempt() == null ? null : new JobRunView.RetryPolicyExecution(s.getAttempt()))
            .orElse(null));
  }

  Results.StartJobRun started(SparkApplication app) {
    var id = app.getMetadata().getName();
    var virtualClusterId = virtualClusterId(app);
    return new Results.StartJobRun(id, app.getSpec().getDisplayName(), arns.jobRun(virtualClusterId, id),
        virtualClusterId);
  }

  static Pages.Cursor cursor(SparkApplication app) {
    return new Pages.Cursor(createdAt(app), app.getMetadata().getName());
  }

  static Instant createdAt(SparkApplication app) {
    return Timestamps.parse(app.getMetadata().getCreationTimestamp()).orElse(Instant.EPOCH);
  }

  private static String virtualClusterId(SparkApplication app) {
    var label = JobRunStore.labelOf(app);
    return label != null ? label : app.getSpec().getVirtualCluster();
  }

  private static Optional<StartJobRunRequest> request(SparkApplication app) {
    return Json.readStored(annotation(app, JobRuns.REQUEST_ANNOTATION), StartJobRunRequest.class);
  }

  private static JobDriver driverOf(SparkApplication app) {
    var spec = app.getSpec();
    return new JobDriver(new JobDriver.SparkSubmitJobDriver(spec.getMainApplicationFile(),
        spec.getArguments().isEmpty() ? null : spec.getArguments(), spec.getSparkSubmitParameters()), null);
  }

  private static String annotation(SparkApplication app, String key) {
    var annotations = app.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }

  private static String shorten(String details) {
    return details == null || details.length() <= MAX_STATE_DETAILS ? details
        : details.substring(0, MAX_STATE_DETAILS - 3) + "...";
  }
}
