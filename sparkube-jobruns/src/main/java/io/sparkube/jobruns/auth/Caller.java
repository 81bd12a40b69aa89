package io.sparkube.jobruns.auth;

/** Who sent a request, as job runs record it in createdBy: an ARN for SigV4, the configured principal for the token. */
public record Caller(String createdBy) {}
