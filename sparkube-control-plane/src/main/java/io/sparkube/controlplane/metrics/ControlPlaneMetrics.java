package io.sparkube.controlplane.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sparkube.operator.SparkubeOperator;
import io.sparkube.operator.reconciler.QueueDepth;
import io.sparkube.operator.reconciler.RunMetrics;
import io.sparkube.resources.JobRunState;
import io.sparkube.resources.SparkApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The control plane's Prometheus metrics: job runs by state, submission latency, the reconcile
 * queue's depth, and (registered by the API itself) the API's latency.
 */
public final class ControlPlaneMetrics implements RunMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final QueueDepth queue = new QueueDepth();
  private final Timer submission = Timer.builder("sparkube.submission")
      .description("Time to plan and create one attempt's driver objects, in the operator")
      .publishPercentileHistogram().register(registry);
  private final Timer admission = Timer.builder("sparkube.admission")
      .description("Time from a run's creation (second precision) to its driver's creation")
      .publishPercentileHistogram().register(registry);

  public ControlPlaneMetrics() {
    // The process's own health: heap, GC, threads and CPU, as every JVM service exports them.
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** JOSDK's callbacks, to count the resources waiting for a pass. */
  public QueueDepth queue() {
    return queue;
  }

  /** Registers the gauges that read the operator, once it runs. */
  public void watch(Supplier<SparkubeOperator> operator) {
    for (var state : JobRunState.values()) {
      Gauge.builder("sparkube.job.runs", operator, o -> o.get().runsByState().get(state))
          .description("Job runs (SparkApplications) by state").tag("state", state.name())
          // Micrometer holds a gauge's object weakly; nothing else holds this supplier.
          .strongReference(true).register(registry);
    }
    Gauge.builder("sparkube.reconcile.queue.depth", queue, QueueDepth::depth)
        .description("Resources with an event waiting for a reconcile pass").register(registry);
  }

  @Override
  public void submitted(SparkApplication app, Duration took, Instant now) {
    submission.record(took);
    var created = app.getMetadata().getCreationTimestamp();
    if (created != null) {
      var since = Duration.between(Instant.parse(created), now);
      admission.record(since.isNegative() ? Duration.ZERO : since);
    }
  }

  public String scrape() {
    return registry.scrape();
  }
}
