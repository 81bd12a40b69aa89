package io.sparkube.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.sparkube.operator.events.RunEvents;
import io.sparkube.operator.reconciler.RunMetrics;
import io.sparkube.operator.reconciler.RunPass;
import io.sparkube.operator.reconciler.SparkApplicationReconciler;
import io.sparkube.operator.reconciler.VirtualClusterReconciler;
import io.sparkube.operator.submission.RunSubmission;
import io.sparkube.resources.JobRunState;
import io.sparkube.submit.ClusterSubmitter;
import io.sparkube.submit.create.VerifiedServiceAccounts;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * The operator: reconciles SparkApplications and VirtualClusters in every namespace, submitting
 * runs in this process through one shared client. The CRDs must be installed first.
 */
public final class SparkubeOperator implements AutoCloseable {
  private final Operator operator;
  private final SparkApplicationReconciler runs;

  private SparkubeOperator(Operator operator, SparkApplicationReconciler runs) {
    this.operator = operator;
    this.runs = runs;
  }

  /** Runs per state, for the job-runs-by-state gauge. */
  public Map<JobRunState, Long> runsByState() {
    return runs.runsByState();
  }

  /**
   * @param threads runs reconciled at once; a pass mostly waits on the API server
   * @param namespaces where runs are watched and run; empty for every namespace
   * @param metrics JOSDK's own measurements (events, reconciles), e.g. for the queue depth
   */
  public static SparkubeOperator start(KubernetesClient client, int threads, Set<String> namespaces, Metrics metrics,
      RunMetrics runMetrics, Clock clock) {
    var operator = new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false)
        .withConcurrentReconciliationThreads(threads).withMetrics(metrics));
    // Long-lived and submitting many runs of few identities: their ServiceAccounts are read once a while.
    var accounts = new VerifiedServiceAccounts(clock, VerifiedServiceAccounts.TRUSTED_FOR);
    var submission = new RunSubmission(new ClusterSubmitter(client, clock, accounts));
    var runs = new SparkApplicationReconciler(
        new RunPass(client, submission, new RunEvents(client, clock), runMetrics, clock));
    if (namespaces.isEmpty()) {
      operator.register(runs);
    } else {
      operator.register(runs, configuration -> configuration.settingNamespaces(namespaces));
    }
    operator.register(new VirtualClusterReconciler(client));
    operator.start();
    return new SparkubeOperator(operator, runs);
  }

  @Override
  public void close() {
    operator.stop();
  }
}
