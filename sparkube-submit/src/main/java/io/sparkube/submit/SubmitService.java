package io.sparkube.submit;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.args.LineChecks;
import io.sparkube.submit.args.ParsedSubmit;
import io.sparkube.submit.args.SparkLineResolver;
import io.sparkube.submit.args.SparkSubmitParser;
import io.sparkube.submit.create.DriverCreator;
import io.sparkube.submit.driver.DriverPlan;
import io.sparkube.submit.driver.DriverPlanner;
import io.sparkube.submit.driver.SubmissionIds;
import io.sparkube.submit.follow.FollowKeys;
import io.sparkube.submit.follow.JobFollower;
import io.sparkube.submit.kube.ClusterConnector;
import io.sparkube.submit.kube.ConnectionSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One submission from command line to outcome: parse, pick the Spark line, plan the driver's
 * objects, then (unless a dry run) create them and follow the driver to its end. Everything is
 * validated before the first object is created.
 */
public final class SubmitService {
  private final Reporter reporter;
  private final Clock clock;

  public SubmitService(Reporter reporter, Clock clock) {
    this.reporter = reporter;
    this.clock = clock;
  }

  public SubmitOutcome submit(List<String> argv, SubmitEnvironment env) throws InterruptedException {
    var parsed = new SparkSubmitParser(reporter, clock).parse(argv, env);
    var options = parsed.options();
    var line = SparkLineResolver.resolve(options.sparkVersion(), parsed.request().conf());
    LineChecks.requireFlagsSupported(options, line);
    LineChecks.unknownKeyWarnings(parsed.request().conf(), line).forEach(reporter::warn);

    var settings = ConnectionSettings.of(options.master(), options.kubeconfig(), options.context(),
        Optional.empty(), parsed.request().conf(), env);
    var request = withMasterFromKubeconfig(parsed, settings);
    // Building the client takes longer than planning; do both at once. Nothing is sent yet.
    var serialization = new KubernetesSerialization();
    var client = options.dryRun() ? null
        : CompletableFuture.supplyAsync(() -> ClusterConnector.connect(settings, serialization));
    try {
      var version = SparkLineResolver.release(line, options.sparkVersion(), request.conf());
      var plan = new DriverPlanner(line, version).plan(request, SubmissionIds.random(clock));
      if (options.verbose()) {
        VerboseReport.lines(request, line, version, plan).forEach(reporter::info);
      }
      if (client == null) {
        return new SubmitOutcome.DryRun(plan);
      }
      // Jackson builds its serializers for the pod's many classes on first use: let that happen
      // here, while the client is still being built, rather than on the way to the API server.
      serialization.asJson(plan.driverPod());
      return createAndFollow(await(client), plan, options.waitForCompletion(), request);
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

  private SubmitOutcome createAndFollow(KubernetesClient client, DriverPlan plan, boolean wait,
      SubmitRequest request) throws InterruptedException {
    var created = new DriverCreator(client, reporter).create(plan);
    reporter.info("submitted " + created.submissionId() + " (application " + plan.appId() + ")");
    if (!wait) {
      return new SubmitOutcome.Submitted(created.submissionId());
    }
    Duration interval = Duration.ofMillis(request.conf().get(FollowKeys.REPORT_INTERVAL_MS));
    int exitCode = new JobFollower(client, reporter, clock, interval)
        .follow(plan.namespace(), plan.driverPodName(), plan.appId());
    return new SubmitOutcome.Finished(created.submissionId(), exitCode);
  }

  /**
   * Without --master the kubeconfig names the cluster; the driver still needs spark.master, as
   * spark-submit would have set it, so it is filled in from there (no network needed).
   */
  private static SubmitRequest withMasterFromKubeconfig(ParsedSubmit parsed, ConnectionSettings settings) {
    var request = parsed.request();
    if (request.conf().containsRaw("spark.master")) {
      return request;
    }
    Config config = ClusterConnector.config(settings);
    var server = config.getMasterUrl();
    if (server == null || server.isBlank()) {
      throw new SparkubeException(Failure.UNKNOWN_MASTER,
          "no Kubernetes cluster is configured; pass --master k8s://https://<host>:<port> or a kubeconfig");
    }
    var master = "k8s://" + (server.endsWith("/") ? server.substring(0, server.length() - 1) : server);
    return new SubmitRequest(request.conf().with("spark.master", master), request.mainAppResource(),
        request.mainClass(), request.appArgs(), request.proxyUser(), request.environment());
  }
}
