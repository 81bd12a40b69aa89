package io.sparkube.bench.controlplane;

import java.util.List;
import java.util.Map;

/**
 * Spark's spark-submit, one process per job, at the control plane's concurrency.
 *
 * @param cpuMillisPerJob the mean user+sys CPU of one spark-submit process tree
 * @param seconds from the first job's start until the last process exited
 * @param harnessCpuSeconds this JVM's (the API server's) CPU over that window
 * @param otherCpuSeconds every other process's on the machine over that window
 * @param createdPerJob objects POSTed to the API server per timed job, by resource
 * @param requestsPerJob requests to the API server per timed job, by kind
 */
record BaselineResult(List<String> command, Admission timed, double cpuMillisPerJob, double seconds,
    double harnessCpuSeconds, double otherCpuSeconds,
    Map<String, Double> createdPerJob, Map<String, Double> requestsPerJob) {}
