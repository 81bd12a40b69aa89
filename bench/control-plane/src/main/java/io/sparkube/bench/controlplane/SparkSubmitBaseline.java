package io.sparkube.bench.controlplane;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.sparkube.bench.ChildRun;
import io.sparkube.bench.Contender;
import io.sparkube.bench.PodCreations;
import io.sparkube.bench.SparkRuntime;
import io.sparkube.local.api.LocalApiServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * The baseline: a spark-submit process per job, as the Kubeflow Spark operator runs one per
 * SparkApplication, from as many threads as the control plane's callers, against an API server of
 * its own (so neither side meets the other's stored objects).
 */
final class SparkSubmitBaseline {
  private final SparkRuntime spark;
  private final Options options;
  private final Path logs;
  private final PrintStream out;

  SparkSubmitBaseline(SparkRuntime spark, Options options, Path logs, PrintStream out) {
    this.spark = spark;
    this.options = options;
    this.logs = logs;
    this.out = out;
  }

  BaselineResult measure() throws IOException, InterruptedException {
    Files.createDirectories(logs);
    var pods = new PodCreations();
    try (var api = LocalApiServer.start(pods, 0); var client = api.newClient()) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("default").endMetadata().build())
          .create();
      var sparkSubmit = Contender.sparkSubmit(spark, api.url());
      var child = new ChildRun(pods, logs);
      // One untimed run first, as bench/submit does: it fills the file cache with Spark's jars.
      child.run(sparkSubmit, "warmup");
      var createdBefore = pods.created();
      var requestsBefore = pods.requests();
      var cpu = new DoubleAdder();
      long harness = ProcessHandle.current().pid();
      double harnessBefore = ProcessCpu.seconds(harness);
      double machineBefore = ProcessCpu.machineSeconds();
      long windowStart = System.nanoTime();
      var attempts = FixedConcurrency.run(options.baselineRuns(), options.concurrency(), i -> {
        var name = String.format("basepi-%05d", i);
        long start = System.nanoTime();
        try {
          cpu.add(child.run(sparkSubmit, name).cpu());
          return new Attempt(name, start, pods.arrival(name + "-"), null);
        } catch (IOException | IllegalStateException e) {
          return Attempt.failed(name, start, e.getMessage());
        }
      });
      double harnessCpu = ProcessCpu.seconds(harness) - harnessBefore;
      double seconds = (System.nanoTime() - windowStart) / 1e9;
      double otherCpu = ProcessCpu.machineSeconds() - machineBefore - harnessCpu - cpu.sum() / 1000;
      var timed = Admission.of(attempts);
      out.println("spark-submit: " + timed);
      return new BaselineResult(sparkSubmit.command().apply("NAME"), timed, cpu.sum() / attempts.size(), seconds,
          harnessCpu, otherCpu,
          PerJob.of(createdBefore, pods.created(), attempts.size()),
          PerJob.of(requestsBefore, pods.requests(), attempts.size()));
    }
  }
}
