package io.sparkube.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.operator.events.RunEvents;
import io.sparkube.operator.events.RunEvents.Type;
import io.sparkube.operator.lifecycle.DriverState;
import io.sparkube.operator.lifecycle.Lifecycle;
import io.sparkube.operator.lifecycle.RunFacts;
import io.sparkube.operator.lifecycle.Step;
import io.sparkube.operator.observer.DriverPods;
import io.sparkube.operator.submission.RunSubmission;
import io.sparkube.operator.submission.SubmissionFailures;
import io.sparkube.resources.FailureReason;
import io.sparkube.resources.JobRunState;
import io.sparkube.resources.RestartPolicy;
import io.sparkube.resources.SparkApplication;
import io.sparkube.resources.SparkApplicationStatus;
import io.sparkube.resources.VirtualCluster;
import io.sparkube.resources.VirtualClusterPolicy;
import io.sparkube.resources.VirtualClusterState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;

/**
 * One controller pass over a run, always the same walk: read the caches, observe the facts, let
 * the state machine decide, act, and record the new status (with an Event for each change).
 */
public final class RunPass {
  private static final EnumSet<JobRunState> DRIVER_EXPECTED =
      EnumSet.of(JobRunState.SUBMITTED, JobRunState.RUNNING, JobRunState.CANCEL_PENDING);

  private final KubernetesClient client;
  private final RunSubmission submission;
  private final RunEvents events;
  private final RunMetrics metrics;
  private final Clock clock;
  private final Admissions admissions = new Admissions();

  public RunPass(KubernetesClient client, RunSubmission submission, RunEvents events, RunMetrics metrics, Clock clock) {
    this.client = client;
    this.submission = submission;
    this.events = events;
    this.metrics = metrics;
    this.clock = clock;
  }

  UpdateControl<SparkApplication> run(SparkApplication app, Context<SparkApplication> context) {
    var now = clock.instant();
    var next = RunStatus.from(app.getStatus(), now);
    var cluster = context.getSecondaryResource(VirtualCluster.class);
    var clusterName = app.getSpec().getVirtualCluster();
    if (clusterName != null && cluster.isEmpty() && !next.value().getState().isFinal()) {
      return finish(context, app, next, failedBeforeSubmission(app, next, "virtual cluster " + clusterName
          + " does not exist; create it, or name an existing one in spec.virtualCluster", now), Optional.empty());
    }
    var observed = observe(app, next.value(), cluster, context, now);
    var facts = observed.facts();
    // A driver found rather than created (made by a pass that did not live to record it) is recorded now.
    observed.driver().filter(pod -> next.value().getDriverPod() == null).ifPresent(pod -> {
      next.value().setDriverPod(pod.getMetadata().getName());
      next.value().setAppId(pod.getMetadata().getLabels().get("spark-app-selector"));
    });
    var step = Lifecycle.decide(facts);
    boolean moved = false;
    // A move to a live state settles nothing by itself: the driver may already show more (a driver
    // adopted after a restart may have finished), so decide again on the same facts.
    while (step instanceof Step.Move move && !move.to().isFinal()) {
      move(app, next, move, facts);
      moved = true;
      facts = facts.inState(move.to());
      step = Lifecycle.decide(facts);
    }
    return act(app, next, step, facts, cluster, context, moved);
  }

  /** What a pass sees: the facts the state machine decides on, and the attempt's driver pod itself. */
  private record Observation(RunFacts facts, Optional<Pod> driver) {}

  private Observation observe(SparkApplication app, SparkApplicationStatus status, Optional<VirtualCluster> cluster,
      Context<SparkApplication> context, Instant now) {
    int attempt = status.getAttempt();
    var pod = DriverPods.ofAttempt(context.getSecondaryResources(Pod.class), attempt);
    if (pod.isEmpty() && DRIVER_EXPECTED.contains(status.getState()) && status.getDriverPod() != null) {
      // The cache may not have caught up with a pod made moments ago: ask before calling it lost.
      pod = Optional.ofNullable(client.pods().inNamespace(app.getMetadata().getNamespace())
          .withName(status.getDriverPod()).get());
    }
    var spec = app.getSpec();
    // A run of a deleted virtual cluster is cancelled, even one a StartJobRun racing the delete made.
    boolean clusterGone = cluster.map(c -> c.getStatus() != null && (c.getStatus().getState() == VirtualClusterState.TERMINATING
        || c.getStatus().getState() == VirtualClusterState.TERMINATED)).orElse(false);
    return new Observation(new RunFacts(status.getState(), attempt, spec.isSuspend() || clusterGone,
        spec.getRestartPolicy() == null ? new RestartPolicy() : spec.getRestartPolicy(),
        Optional.ofNullable(spec.getTtlSecondsAfterFinished()),
        Optional.ofNullable(status.getNextAttemptAt()).map(Instant::parse),
        Optional.ofNullable(status.getFinishedAt()).map(Instant::parse),
        DriverPods.stateOf(pod), roomToStart(cluster, context), now), pod);
  }

  private boolean roomToStart(Optional<VirtualCluster> cluster, Context<SparkApplication> context) {
    return cluster.filter(RunPass::limitsRuns).map(c -> admissions.hasRoom(c.getMetadata().getName(), new VirtualClusterPolicy(c),
        context.getPrimaryCache().byIndex(SparkApplicationReconciler.BY_VIRTUAL_CLUSTER, c.getMetadata().getName())))
        .orElse(true);
  }

  private static boolean limitsRuns(VirtualCluster cluster) {
    return cluster.getSpec().getLimits().getMaxConcurrentRuns() != null;
  }

  private UpdateControl<SparkApplication> act(SparkApplication app, RunStatus next, Step step, RunFacts facts,
      Optional<VirtualCluster> cluster, Context<SparkApplication> context, boolean moved) {
    var now = facts.now();
    if (step instanceof Step.Submit submit) {
      return finish(context, app, next, submit(app, next, submit.attempt(), facts, cluster, context), Optional.empty());
    }
    if (step instanceof Step.Move move) {
      return finish(context, app, next, move(app, next, move, facts), ttlWait(app, next.value(), now));
    }
    if (step instanceof Step.Retry retry) {
      return finish(context, app, next, retry(app, next, retry, now), Optional.of(Duration.between(now, retry.at())));
    }
    if (step instanceof Step.WaitFor wait) {
      boolean changed = !wait.details().equals(next.value().getStateDetails());
      next.value().setStateDetails(wait.details());
      return finish(context, app, next, changed || moved, Optional.of(wait.after()));
    }
    if (step instanceof Step.DeleteDriver delete) {
      client.pods().inNamespace(app.getMetadata().getNamespace()).withName(delete.podName()).delete();
      next.enter(JobRunState.CANCEL_PENDING, "cancel asked; deleting driver " + delete.podName(), now);
      events.record(app, Type.Normal, "Cancelling", next.value().getStateDetails());
      return finish(context, app, next, true, Optional.empty());
    }
    if (step instanceof Step.Expire) {
      client.resource(app).delete();
      return UpdateControl.noUpdate();
    }
    return finish(context, app, next, moved, Optional.empty());
  }

  /** Returns whether the status changed (so it is written). */
  private boolean submit(SparkApplication app, RunStatus next, int attempt, RunFacts facts,
      Optional<VirtualCluster> cluster, Context<SparkApplication> context) {
    var now = facts.now();
    // Only a cluster that limits its runs needs them counted; counting costs a look at all of them.
    var clusterName = cluster.filter(RunPass::limitsRuns).map(c -> c.getMetadata().getName());
    if (clusterName.isPresent() && !admissions.admit(clusterName.get(), Admissions.key(app),
        new VirtualClusterPolicy(cluster.get()),
        context.getPrimaryCache().byIndex(SparkApplicationReconciler.BY_VIRTUAL_CLUSTER, clusterName.get()))) {
      next.value().setStateDetails("waiting for its virtual cluster to run fewer jobs than its limit");
      return true;
    }
    try {
      var started = System.nanoTime();
      var submitted = submission.submit(app, cluster, attempt);
      metrics.submitted(app, Duration.ofNanos(System.nanoTime() - started), now);
      var status = next.value();
      status.setDriverPod(submitted.driverPod());
      status.setAppId(submitted.appId());
      status.setSubmittedAt(now.toString());
      status.setNextAttemptAt(null);
      status.setDriverExitCode(null);
      status.setDriverReason(null);
      next.enter(JobRunState.SUBMITTED, (submitted.adopted() ? "found driver " : "created driver ")
          + submitted.driverPod() + " (attempt " + attempt + ")", now);
      events.record(app, Type.Normal, "Submitted", status.getStateDetails());
      if (!submitted.warnings().isEmpty()) {
        events.record(app, Type.Warning, "SubmissionWarning", String.join("; ", submitted.warnings()));
      }
      return true;
    } catch (SparkubeException e) {
      clusterName.ifPresent(name -> admissions.withdraw(name, Admissions.key(app)));
      stopIfInterrupted(e);
      if (SubmissionFailures.isSettings(e.failure())) {
        return failedBeforeSubmission(app, next, e.getMessage(), now);
      }
      return apply(app, next, Lifecycle.afterSubmissionFailed(facts, "submission failed: " + e.getMessage()), facts,
          FailureReason.CLUSTER_UNAVAILABLE);
    } catch (RuntimeException e) {
      clusterName.ifPresent(name -> admissions.withdraw(name, Admissions.key(app)));
      stopIfInterrupted(e);
      return apply(app, next, Lifecycle.afterSubmissionFailed(facts, "submission failed unexpectedly: " + e),
          facts, FailureReason.INTERNAL_ERROR);
    }
  }

  /**
   * A pass cut off by the operator stopping says nothing about the run: record nothing, so the
   * next operator repeats the pass (and finds whatever this one created).
   */
  private static void stopIfInterrupted(RuntimeException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof InterruptedException || cause instanceof java.io.InterruptedIOException
          || cause.getMessage() != null && cause.getMessage().contains("InterruptedException")) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("pass interrupted; the operator is stopping", e);
      }
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new IllegalStateException("pass interrupted; the operator is stopping", e);
    }
  }

  private boolean apply(SparkApplication app, RunStatus next, Step step, RunFacts facts, FailureReason reason) {
    if (step instanceof Step.Retry retry) {
      return retry(app, next, retry, facts.now());
    }
    var move = (Step.Move) step;
    return move(app, next, new Step.Move(move.to(), move.details(), Optional.of(reason)), facts);
  }

  private boolean failedBeforeSubmission(SparkApplication app, RunStatus next, String why, Instant now) {
    next.value().setFailureReason(FailureReason.VALIDATION_ERROR);
    next.enter(JobRunState.FAILED, why, now);
    events.record(app, Type.Warning, "Invalid", why);
    return true;
  }

  private boolean move(SparkApplication app, RunStatus next, Step.Move move, RunFacts facts) {
    var status = next.value();
    move.failureReason().ifPresent(status::setFailureReason);
    if (facts.driver() instanceof DriverState.Succeeded done) {
      status.setDriverExitCode(done.exitCode());
      status.setDriverReason("Completed");
    } else if (facts.driver() instanceof DriverState.Failed failed) {
      status.setDriverExitCode(failed.exitCode());
      status.setDriverReason(failed.reason());
    }
    next.enter(move.to(), move.details(), facts.now());
    var reason = switch (move.to()) {
      case SUBMITTED -> "Adopted";
      case RUNNING -> "Running";
      case COMPLETED -> "Completed";
      case FAILED -> "Failed";
      case CANCELLED -> "Cancelled";
      default -> move.to().name();
    };
    events.record(app, move.to() == JobRunState.FAILED ? Type.Warning : Type.Normal, reason, move.details());
    return true;
  }

  private boolean retry(SparkApplication app, RunStatus next, Step.Retry retry, Instant now) {
    var status = next.value();
    next.enter(JobRunState.PENDING, retry.details(), now);
    status.setAttempt(retry.nextAttempt());
    status.setNextAttemptAt(retry.at().toString());
    // The failed attempt's driver is in the history; the next attempt records its own.
    status.setDriverPod(null);
    status.setAppId(null);
    events.record(app, Type.Warning, "Retrying", retry.details());
    return true;
  }

  private static Optional<Duration> ttlWait(SparkApplication app, SparkApplicationStatus status, Instant now) {
    var ttl = app.getSpec().getTtlSecondsAfterFinished();
    return ttl != null && status.getState().isFinal() ? Optional.of(Duration.ofSeconds(ttl)) : Optional.empty();
  }

  /**
   * Writes the status when it changed, and puts what the API server answered into the cache, so the
   * next pass starts from it rather than from a cache the watch has not caught up yet.
   */
  private static UpdateControl<SparkApplication> finish(Context<SparkApplication> context, SparkApplication app,
      RunStatus next, boolean changed, Optional<Duration> recheck) {
    if (changed || app.getStatus() == null) {
      var patch = new SparkApplication();
      patch.getMetadata().setName(app.getMetadata().getName());
      patch.getMetadata().setNamespace(app.getMetadata().getNamespace());
      patch.setStatus(next.value());
      PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(app, patch, context);
    }
    UpdateControl<SparkApplication> control = UpdateControl.noUpdate();
    recheck.filter(d -> !d.isNegative()).ifPresent(control::rescheduleAfter);
    return control;
  }
}
