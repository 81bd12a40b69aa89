package io.sparkube.bench.controlplane;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.sparkube.bench.PodCreations;
import io.sparkube.bench.SparkRuntime;
import io.sparkube.local.api.LocalApiServer;
import io.sparkube.resources.VirtualCluster;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Job runs through the control plane's REST API against an API server with no node: a virtual
 * cluster, an untimed warm-up batch, then the timed batch, each run ending at its driver pod's creation.
 */
final class ControlPlaneMeasurement {
  /** The label the operator puts on a run's driver pod, whose value is the run's id. */
  static final String APPLICATION_LABEL = "sparkube.io/application";
  private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(2);

  private final Path root;
  private final SparkRuntime spark;
  private final Options options;
  private final Path dir;
  private final PrintStream out;

  ControlPlaneMeasurement(Path root, SparkRuntime spark, Options options, Path dir, PrintStream out) {
    this.root = root;
    this.spark = spark;
    this.options = options;
    this.dir = dir;
    this.out = out;
  }

  ControlPlaneResult measure() throws IOException, InterruptedException {
    var pods = new PodCreations();
    try (var api = LocalApiServer.start(pods, 0); var client = api.newClient()) {
      // LocalApiServer.start() seeds nothing; a cluster's default namespace exists.
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("default").endMetadata().build())
          .create();
      try (var controlPlane = ControlPlaneProcess.start(root, api.url(), dir, options.operatorJvm(),
          options.profile())) {
        out.println("control plane up: " + controlPlane.apiUrl());
        var rest = new JobRunsApi(controlPlane.apiUrl(), controlPlane.token());
        var virtualCluster = rest.createVirtualCluster("bench");
        withoutRbac(client, virtualCluster);
        var batches = new JobRunBatches(rest, virtualCluster, spark.examplesJar(), options.concurrency(), pods);
        var warmup = Admission.of(batches.run("warmup-", options.warmups()));
        out.println("warm-up:    " + warmup);
        return timed(controlPlane, batches, pods, client, warmup);
      }
    }
  }

  private ControlPlaneResult timed(ControlPlaneProcess controlPlane, JobRunBatches batches, PodCreations pods,
      KubernetesClient client, Admission warmup) throws IOException, InterruptedException {
    var sampler = new MetricsSampler(controlPlane.managementUrl());
    var before = Snapshot.take(controlPlane, pods, sampler);
    List<Attempt> attempts;
    try (sampler) {
      sampler.start();
      attempts = batches.run("run-", options.runs());
      int admitted = (int) attempts.stream().filter(Attempt::admitted).count();
      awaitSubmitted(sampler, warmup.admitted() + admitted);
    }
    var after = Snapshot.take(controlPlane, pods, sampler);
    var timed = Admission.of(attempts);
    out.println("timed:      " + timed);
    requireSparkImage(client, attempts);
    controlPlane.collectGarbage();
    var settled = sampler.scrape();
    Files.writeString(dir.resolve("metrics-after.txt"), settled);
    int runs = options.runs();
    var result = new ControlPlaneResult(controlPlane.command(), warmup, timed, after.seconds(before),
        after.controlPlaneCpu() - before.controlPlaneCpu(), controlPlane.cpuSeconds(),
        after.harnessCpu() - before.harnessCpu(), after.otherCpu(before), sampler.heapPeak(),
        MetricsSampler.heapUsed(settled),
        PrometheusText.sum(settled, "jvm_memory_max_bytes", "area=\"heap\""), sampler.queuePeak(),
        PerJob.of(before.created(), after.created(), runs), PerJob.of(before.requests(), after.requests(), runs),
        after.meanMillis(before, "sparkube_submission_seconds"),
        after.meanMillis(before, "sparkube_api_requests_seconds", "operation=\"StartJobRun\""));
    out.println("control plane: " + result.summary());
    return result;
  }

  /**
   * spark-submit creates no RBAC; a run of a virtual cluster does unless its defaults say not to. A
   * merge patch, because the operator writes the virtual cluster meanwhile.
   */
  private static void withoutRbac(KubernetesClient client, String virtualCluster) {
    client.resources(VirtualCluster.class).withName(virtualCluster).patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"spec\":{\"defaults\":{\"sparkConf\":{\"spark.sparkube.rbac.create\":\"false\"}}}}");
  }

  /** The operator writes each run's status after creating its driver; its CPU counts until the last is written. */
  private static void awaitSubmitted(MetricsSampler sampler, int runs) throws InterruptedException {
    long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
    while (PrometheusText.sum(sampler.scrape(), "sparkube_job_runs", "state=\"SUBMITTED\"") < runs) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the operator had not recorded " + runs + " runs as SUBMITTED within "
            + SETTLE_TIMEOUT);
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  /** Both sides must start the same driver; the release label decides the control plane's image. */
  private void requireSparkImage(KubernetesClient client, List<Attempt> attempts) {
    var run = attempts.stream().filter(Attempt::admitted).findFirst().orElseThrow().key();
    var image = client.pods().inNamespace("default").withLabel(APPLICATION_LABEL, run).list().getItems().get(0)
        .getSpec().getContainers().get(0).getImage();
    if (!image.equals("apache/spark:" + spark.version())) {
      throw new IllegalStateException("the control plane's driver runs " + image + ", the baseline's apache/spark:"
          + spark.version() + "; pick a release label of Spark " + spark.version());
    }
  }
}
