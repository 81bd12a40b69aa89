package io.sparkube.staging.store;

import java.nio.file.Path;

/** A stored blob's file, for serving it. */
public record StoredBlob(Sha256 sha, Path file, long size) {}
