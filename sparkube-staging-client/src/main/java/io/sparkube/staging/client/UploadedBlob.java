package io.sparkube.staging.client;

/** A file as a blob on the staging server; {@code transferred} is false when it was already there. */
public record UploadedBlob(String sha256, long size, boolean transferred) {}
