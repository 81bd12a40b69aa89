package io.sparkube.staging.jobs;

import io.sparkube.staging.service.JobId;

/**
 * What the observer reports: {@code job}'s driver pod ended.
 *
 * @param driverPod namespace/name of the pod
 * @param how its final phase (Succeeded, Failed), or "deleted"
 */
public record JobEnded(JobId job, String driverPod, String how) {}
