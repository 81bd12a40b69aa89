package io.sparkube.bench.staging;

import java.util.Map;

/**
 * One contender's run of the one-stream case. {@code put} is the upload from its first body byte;
 * for the baseline, which hashes nothing first, it is the whole upload. The upload's CPU by thread
 * group is there for the staging server only. {@code otherCpu} is the share of the machine other
 * processes used meanwhile.
 */
record StreamRun(Transfer upload, Transfer put, Map<String, Double> uploadCpuByThread, Transfer download,
    double otherCpu) {
  StreamRun withOtherCpu(double share) {
    return new StreamRun(upload, put, uploadCpuByThread, download, share);
  }
}
