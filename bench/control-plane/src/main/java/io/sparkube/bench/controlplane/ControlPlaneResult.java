package io.sparkube.bench.controlplane;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The control plane's timed batch.
 *
 * @param warmup the untimed batch before it, run the same way
 * @param cpuWindowSeconds from the batch's first call until every run's status was written (SUBMITTED)
 * @param cpuSeconds the control plane JVM's CPU over that window; {@code cpuTotalSeconds} since it
 *     started, set-up and warm-up included
 * @param harnessCpuSeconds this JVM's (API server and load generator) over the same window
 * @param otherCpuSeconds every other process's on the machine over the same window
 * @param heapPeakBytes heap in use at the busiest of the once-a-second samples during the batch
 * @param heapLiveBytes heap in use after the batch and a full collection (jcmd GC.run): what stays
 * @param createdPerRun objects POSTed to the API server during the batch, per run, by resource
 * @param requestsPerRun requests to the API server during the batch, per run, by kind
 * @param operatorSubmitMillis the operator's own mean time to plan and create a driver
 *     (sparkube_submission_seconds), and {@code apiStartMillis} the API's for StartJobRun
 */
record ControlPlaneResult(List<String> command, Admission warmup, Admission timed, double cpuWindowSeconds,
    double cpuSeconds, double cpuTotalSeconds, double harnessCpuSeconds, double otherCpuSeconds, double heapPeakBytes,
    double heapLiveBytes, double heapMaxBytes, double queuePeak, Map<String, Double> createdPerRun,
    Map<String, Double> requestsPerRun, double operatorSubmitMillis, double apiStartMillis) {

  double cpuMillisPerRun() {
    return cpuSeconds * 1000 / timed.attempts();
  }

  /** One line for the console. */
  String summary() {
    return String.format(Locale.ROOT, "%.1f CPU-s (%.1f ms/run), heap peak %.0f MiB, live %.0f MiB, queue peak"
        + " %.0f, submit %.1f ms, StartJobRun %.1f ms; harness %.1f CPU-s; requests per run %s", cpuSeconds,
        cpuMillisPerRun(), heapPeakBytes / (1 << 20), heapLiveBytes / (1 << 20), queuePeak, operatorSubmitMillis,
        apiStartMillis, harnessCpuSeconds, requestsPerRun);
  }
}
