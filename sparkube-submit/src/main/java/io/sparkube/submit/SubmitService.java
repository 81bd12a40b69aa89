package io.sparkube.submit;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.sparkube.submit.args.LineChecks;
import io.sparkube.submit.args.ParsedSubmit;
import io.sparkube.submit.args.SparkLineResolver;
import io.sparkube.submit.args.SparkSubmitParser;
import io.sparkube.submit.create.CreatedDriver;
import io.sparkube.submit.create.JobCreator;
import io.sparkube.submit.driver.SubmissionIds;
import io.sparkube.submit.follow.FollowKeys;
import io.sparkube.submit.identity.InjectionChoice;
import io.sparkube.submit.identity.JobIdentitySettings;
import io.sparkube.submit.identity.WebhookDetector;
import io.sparkube.submit.follow.JobFollower;
import io.sparkube.submit.kube.ClusterConnector;
import io.sparkube.submit.kube.ConnectionSettings;
import io.sparkube.submit.staging.DependencyStager;
import io.sparkube.submit.staging.LocalFiles;
import io.sparkube.submit.staging.StagingSubmitKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * One submission from command line to outcome: parse, pick the Spark line, plan the driver's
 * objects, then (unless a dry run) create them and follow the driver to its end. Everything is
 * validated before the first object is created.
 */
public final class SubmitService {
  /** spark.master of a dry run with no cluster configured: the address pods use in any cluster. */
  static final String IN_CLUSTER_MASTER = "k8s://https://kubernetes.default.svc";

  private final Reporter reporter;
  private final Clock clock;
  private final Optional<Supplier<LocalClusterTarget>> localCluster;

  public SubmitService(Reporter reporter, Clock clock) {
    this(reporter, clock, Optional.empty());
  }

  /**
   * @param localCluster starts the local cluster if needed and says how to reach it; used when no
   *     cluster is configured at all (no --master, no kubeconfig, not in a pod)
   */
  public SubmitService(Reporter reporter, Clock clock, Optional<Supplier<LocalClusterTarget>> localCluster) {
    this.reporter = reporter;
    this.clock = clock;
    this.localCluster = localCluster;
  }

  public SubmitOutcome submit(List<String> argv, SubmitEnvironment env) throws InterruptedException {
    var parsed = new SparkSubmitParser(reporter, clock).parse(argv, env);
    var options = parsed.options();
    var line = SparkLineResolver.resolve(options.sparkVersion(), parsed.request().conf());
    LineChecks.requireFlagsSupported(options, line);
    LineChecks.unknownKeyWarnings(parsed.request().conf(), line).forEach(reporter::warn);
    var identity = JobIdentitySettings.read(parsed.request().conf(), line);

    var settings = ConnectionSettings.of(options.master(), options.kubeconfig(), options.context(),
        Optional.empty(), parsed.request().conf(), env);
    var given = parsed.request();
    if (!settings.hasCluster() && !options.dryRun() && localCluster.isPresent()) {
      var local = localCluster.get().get();
      settings = ConnectionSettings.of(options.master(), Optional.of(local.kubeconfig().toString()), options.context(),
          Optional.empty(), given.conf(), env);
      given = withDefaults(given, local.confDefaults());
    }
    var connection = settings;
    var config = options.dryRun() && !connection.hasCluster() ? Optional.<Config>empty()
        : Optional.of(ClusterConnector.config(connection));
    var submitted = withMaster(given, config);
    // Building the client takes longer than planning; do both at once. Nothing is sent yet.
    var serialization = new KubernetesSerialization();
    var client = options.dryRun() ? null
        : CompletableFuture.supplyAsync(() -> ClusterConnector.connect(config.orElseThrow(), serialization));
    try {
      var version = SparkLineResolver.release(line, options.sparkVersion(), submitted.conf());
      var inject = InjectionChoice.inject(identity,
          () -> client == null ? Optional.empty()
              : Optional.of(new WebhookDetector(awaitUnchecked(client))::present), reporter);
      var ids = SubmissionIds.random(clock);
      var stager = options.dryRun() ? Optional.<DependencyStager>empty()
          : DependencyStager.clientFor(submitted.conf(), env).map(c -> new DependencyStager(c, reporter));
      // A dry run with no cluster named cannot know the local cluster's staging server, which a
      // submission would use: it shows the local files as they are.
      boolean localClusterWouldStage = options.dryRun() && localCluster.isPresent() && !connection.hasCluster();
      if (!submitted.conf().contains(StagingSubmitKeys.URI) && !localClusterWouldStage) {
        LocalFiles.requireServer(submitted);
      }
      if (options.dryRun() && !LocalFiles.of(submitted).isEmpty()) {
        reporter.warn("a dry run uploads nothing: the local files are shown as they are, not as the signed"
            + " URLs a submission would give the pods");
      }
      var request = stager.map(s -> s.stage(submitted, ids.appId())).orElse(submitted);
      var plan = new JobPlanner(line, version, reporter).plan(request, ids, identity, inject);
      if (options.verbose()) {
        VerboseReport.lines(request, line, version, plan.driver()).forEach(reporter::info);
      }
      if (client == null) {
        return new SubmitOutcome.DryRun(plan);
      }
      // Jackson builds its serializers for the pod's many classes on first use: let that happen
      // here, while the client is still being built, rather than on the way to the API server.
      serialization.asJson(plan.driver().driverPod());
      return createAndFollow(await(client), plan, options.waitForCompletion(), request, stager);
    } finally {
      // Closes the client once built, whether it was used or planning failed first.
      if (client != null) {
        client.thenAccept(KubernetesClient::close);
      }
    }
  }

  private static KubernetesClient await(CompletableFuture<KubernetesClient> client) throws InterruptedException {
    try {
      return client.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static KubernetesClient awaitUnchecked(CompletableFuture<KubernetesClient> client) {
    try {
      return await(client);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while connecting", e);
    }
  }

  private SubmitOutcome createAndFollow(KubernetesClient client, JobPlan job, boolean wait,
      SubmitRequest request, Optional<DependencyStager> stager) throws InterruptedException {
    var appId = job.driver().appId();
    CreatedDriver created;
    try {
      created = new JobCreator(client, reporter).create(job);
    } catch (RuntimeException e) {
      // Nothing will fetch the uploads: let the server clean them up.
      stager.ifPresent(s -> releaseQuietly(s, appId, e));
      throw e;
    }
    var plan = job.driver();
    reporter.info("submitted " + created.submissionId() + " (application " + plan.appId() + ")");
    if (!wait) {
      return new SubmitOutcome.Submitted(created.submissionId());
    }
    Duration interval = Duration.ofMillis(request.conf().get(FollowKeys.REPORT_INTERVAL_MS));
    int exitCode = new JobFollower(client, reporter, clock, interval)
        .follow(plan.namespace(), plan.driverPodName(), plan.appId());
    stager.ifPresent(s -> releaseQuietly(s, appId, null));
    return new SubmitOutcome.Finished(created.submissionId(), exitCode);
  }

  /** A job that has ended no longer needs its uploads; failing to say so only delays their clean-up. */
  private void releaseQuietly(DependencyStager stager, String appId, Exception failure) {
    try {
      stager.release(appId);
    } catch (RuntimeException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      } else {
        reporter.warn("could not release the staged files of " + appId + " (" + e.getMessage()
            + "); the staging server keeps them until released");
      }
    }
  }

  /** The job's own settings win over the cluster's. */
  private static SubmitRequest withDefaults(SubmitRequest request, Map<String, String> defaults) {
    var conf = request.conf();
    for (var entry : defaults.entrySet()) {
      if (!conf.containsRaw(entry.getKey())) {
        conf = conf.with(entry.getKey(), entry.getValue());
      }
    }
    return request.withConf(conf);
  }

  /**
   * Without --master the kubeconfig names the cluster; the driver still needs spark.master, as
   * spark-submit would have set it. A dry run with no cluster at all shows the in-cluster address.
   */
  private SubmitRequest withMaster(SubmitRequest request, Optional<Config> config) {
    if (request.conf().containsRaw("spark.master")) {
      return request;
    }
    var master = config.map(c -> "k8s://" + stripSlash(c.getMasterUrl())).orElseGet(() -> {
      reporter.warn("no cluster is configured; spark.master is shown as " + IN_CLUSTER_MASTER
          + " (pass --master or a kubeconfig to see the real one)");
      return IN_CLUSTER_MASTER;
    });
    return request.withConf(request.conf().with("spark.master", master));
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
