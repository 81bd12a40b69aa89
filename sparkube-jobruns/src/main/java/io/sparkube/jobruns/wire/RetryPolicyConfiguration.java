package io.sparkube.jobruns.wire;

/** How many runs in all a failed job run gets, the first included. */
public record RetryPolicyConfiguration(Integer maxAttempts) {}
