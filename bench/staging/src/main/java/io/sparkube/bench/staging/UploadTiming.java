package io.sparkube.bench.staging;

import java.util.Map;

/**
 * One StagingClient.upload, timed end to end and split where its first body bytes went out:
 * before that the client hashes the whole file and asks HEAD; after it the PUT body streams and
 * the server hashes, writes, fsyncs and answers. {@code cpuByThread} splits its CPU time by thread group.
 */
record UploadTiming(Transfer total, Transfer put, Map<String, Double> cpuByThread) {}
