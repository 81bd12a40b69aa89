package io.sparkube.bench.controlplane;

import io.sparkube.bench.PodCreations;
import java.util.Map;

/**
 * The counters a measured window is the difference of, read at one moment: both JVMs' CPU, what
 * the API server was asked, and the control plane's /metrics page.
 */
record Snapshot(long nanos, double controlPlaneCpu, double harnessCpu, double machineCpu, Map<String, Long> created,
    Map<String, Long> requests, String metrics) {

  static Snapshot take(ControlPlaneProcess controlPlane, PodCreations pods, MetricsSampler sampler) {
    return new Snapshot(System.nanoTime(), controlPlane.cpuSeconds(),
        ProcessCpu.seconds(ProcessHandle.current().pid()), ProcessCpu.machineSeconds(), pods.created(),
        pods.requests(), sampler.scrape());
  }

  /** CPU that neither the control plane nor this JVM used since {@code before}: the rest of the machine's. */
  double otherCpu(Snapshot before) {
    return machineCpu - before.machineCpu - (controlPlaneCpu - before.controlPlaneCpu)
        - (harnessCpu - before.harnessCpu);
  }

  double seconds(Snapshot before) {
    return (nanos - before.nanos) / 1e9;
  }

  /** A timer's mean since {@code before}, in milliseconds, from its _sum and _count. */
  double meanMillis(Snapshot before, String timer, String... labels) {
    double count = PrometheusText.sum(metrics, timer + "_count", labels)
        - PrometheusText.sum(before.metrics, timer + "_count", labels);
    double sum = PrometheusText.sum(metrics, timer + "_sum", labels)
        - PrometheusText.sum(before.metrics, timer + "_sum", labels);
    return count == 0 ? Double.NaN : sum / count * 1000;
  }
}
