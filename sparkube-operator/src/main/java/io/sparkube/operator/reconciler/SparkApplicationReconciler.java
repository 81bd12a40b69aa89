package io.sparkube.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.sparkube.operator.observer.DriverPods;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.sparkube.resources.JobRunState;
import io.sparkube.resources.SparkApplication;
import io.sparkube.resources.VirtualCluster;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * JOSDK's entry for SparkApplications: it wires the caches the run's facts come from (its driver
 * pods, its virtual cluster) and hands each pass to {@link RunPass}.
 */
@ControllerConfiguration(name = "sparkapplications")
public final class SparkApplicationReconciler implements Reconciler<SparkApplication> {
  static final String BY_VIRTUAL_CLUSTER = "virtual-cluster";

  private final RunPass pass;
  private volatile IndexerResourceCache<SparkApplication> runs;

  public SparkApplicationReconciler(RunPass pass) {
    this.pass = pass;
  }

  /** How many runs are in each state, as the cache shows them; empty until the operator has started. */
  public Map<JobRunState, Long> runsByState() {
    var cache = runs;
    var counts = new EnumMap<JobRunState, Long>(JobRunState.class);
    for (var state : JobRunState.values()) {
      counts.put(state, 0L);
    }
    if (cache != null) {
      cache.list().forEach(app -> counts.merge(app.getStatus() == null || app.getStatus().getState() == null
          ? JobRunState.PENDING : app.getStatus().getState(), 1L, Long::sum));
    }
    return counts;
  }

  @Override
  public List<EventSource<?, SparkApplication>> prepareEventSources(EventSourceContext<SparkApplication> context) {
    var runs = context.getPrimaryCache();
    this.runs = runs;
    runs.addIndexer(BY_VIRTUAL_CLUSTER, app -> app.getSpec().getVirtualCluster() == null ? List.of()
        : List.of(app.getSpec().getVirtualCluster()));
    // Driver pods are owned by their run, so JOSDK maps them back through the owner reference.
    var drivers = new InformerEventSource<>(InformerEventSourceConfiguration.from(Pod.class, SparkApplication.class)
        .withLabelSelector(DriverPods.APPLICATION_LABEL).withNamespacesInheritedFromController().build(), context);
    var clusters = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(VirtualCluster.class, SparkApplication.class)
            // Cluster-scoped: one informer, whatever namespaces the runs are watched in.
            .withWatchAllNamespaces()
            .withSecondaryToPrimaryMapper(cluster -> runs.byIndex(BY_VIRTUAL_CLUSTER, cluster.getMetadata().getName())
                .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
            .withPrimaryToSecondaryMapper((SparkApplication app) -> app.getSpec().getVirtualCluster() == null ? Set.of()
                : Set.of(new ResourceID(app.getSpec().getVirtualCluster())))
            .build(), context);
    return List.of(drivers, clusters);
  }

  @Override
  public UpdateControl<SparkApplication> reconcile(SparkApplication app, Context<SparkApplication> context) {
    return pass.run(app, context);
  }
}
