package io.sparkube.bench.staging;

import java.util.Map;

/**
 * One StagingClient.upload, timed end to end and split where its first body bytes went out:
 * before that the client asks the server's limits (HEAD /v1/blobs: a 1 GiB file of unknown hash is
 * not hashed first); after it the POST body streams and the server hashes, writes, fsyncs and
 * answers with the hash it named the blob by. {@code cpuByThread} splits its CPU time by thread group.
 */
record UploadTiming(Transfer total, Transfer put, Map<String, Double> cpuByThread) {}
