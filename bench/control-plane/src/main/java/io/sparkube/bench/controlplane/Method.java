package io.sparkube.bench.controlplane;

import java.util.List;
import java.util.Locale;

/** The report's account of how the figures were measured, with this run's numbers in it. */
final class Method {
  private Method() {}

  static String of(Results r) {
    var o = r.options();
    var cp = r.controlPlane();
    double cpuSeconds = r.baseline().cpuMillisPerJob() / 1000;
    return "one in-process API server (`LocalApiServer`, plain http on 127.0.0.1, no node, so driver pods stay"
        + " Pending and only admission is measured) in the harness JVM, which also makes the calls; namespace"
        + " `default` created first. The control plane runs in a JVM of its own from sparkube-cli's distribution"
        + " (jar, `lib/`, `lib-local/`), as `sparkube control-plane serve` runs it in its Deployment"
        + jvm(o.operatorJvm()) + " Its kubeconfig (`KUBECONFIG`) names the API server and a token the server"
        + " does not check: without a token, fabric8 re-reads the kubeconfig before every request, which a"
        + " deployed control plane, holding its ServiceAccount's token, does not. A virtual cluster is created"
        + " through the API (`eksInfo` namespace `default`), then its"
        + " `spec.defaults.sparkConf` gets `spark.sparkube.rbac.create=false` (a patch of the VirtualCluster:"
        + " spark-submit creates no RBAC either). Each run is StartJobRun of SparkPi (`emr-spark-8.0.0-latest`,"
        + " so `apache/spark:" + r.spark().version() + "`, the same entry point and argument as the baseline),"
        + " with a client token of its own and the API's required `executionRoleArn`, which makes an IRSA"
        + " identity: the operator creates its ServiceAccount once (in the warm-up) and adds the token volume"
        + " to each driver, work spark-submit does not do; so is keeping the run (a SparkApplication) and its"
        + " status, an Event per run, and the executors' pod template with the token volume in a second"
        + " ConfigMap (see the objects created below). Load: " + o.concurrency() + " threads, each making"
        + " one blocking HTTP/1.1 call at a time on a kept-alive connection; " + cp.warmup().attempts()
        + " untimed warm-up runs, then " + o.runs() + " timed runs in the same virtual cluster (the warm-up's"
        + " stay stored). The timed batch stands for a control plane that has been up a while: on two busy"
        + " CPUs its JIT takes hundreds of runs to settle; the warm-up's own figures are in the table."
        + " *Latency* = call start to the driver pod POST's arrival at the API server"
        + " (one clock, the harness's), matched by the pod's `sparkube.io/application` label (the run id)."
        + " *Overall* = runs / (last driver − first call); *sustained* = over the middle 80% of driver"
        + " arrivals. A run without a 200 answer or without a driver pod is a failure and voids the figures."
        + " *CPU per job*: control plane JVM, user+sys of all threads from `/proc/PID/stat`, from the first call"
        + " until the operator had recorded every run SUBMITTED, divided by the runs; spark-submit, the mean"
        + " user+sys of each process tree (bash `times`). Baseline: bench/submit's spark-submit command, one"
        + " process per job as the Kubeflow Spark operator runs it, " + o.concurrency() + " at a time, after"
        + " the control plane stopped, against a fresh API server (neither side meets the other's stored"
        + " objects), after 1 untimed run (file cache). It runs " + o.baselineRuns() + " jobs, not "
        + o.runs() + ": each costs about " + String.format(Locale.ROOT, "%.0f CPU-seconds, so %d would take about"
        + " %.0f hours on this machine; %d jobs are about %d waves of %d, enough for a steady rate.", cpuSeconds,
        o.runs(), o.runs() * cpuSeconds / r.machine().nproc() / 3600, o.baselineRuns(),
        Math.round((double) o.baselineRuns() / o.concurrency()), o.concurrency());
  }

  private static String jvm(List<String> flags) {
    return flags.equals(Options.DEPLOYMENT_JVM) ? ": the serial collector, and `-XX:MaxRAM=1g` for the Deployment's"
        + " 1 GiB memory limit, from which the JVM sizes its heap (a quarter of it)."
        : ", but with the JVM flags in the command below, not the Deployment's.";
  }
}
