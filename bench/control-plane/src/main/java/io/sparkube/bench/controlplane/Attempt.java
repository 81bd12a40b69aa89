package io.sparkube.bench.controlplane;

/**
 * One job asked for (a StartJobRun call, or a spark-submit process): when it was asked for and when
 * its driver pod's creation reached the API server, both System.nanoTime of this JVM; or why it failed.
 */
record Attempt(String key, long startNanos, Long arrivalNanos, String failure) {
  static Attempt failed(String key, long startNanos, String failure) {
    return new Attempt(key, startNanos, null, failure);
  }

  Attempt withArrival(Long arrival) {
    return new Attempt(key, startNanos, arrival, failure);
  }

  boolean admitted() {
    return failure == null && arrivalNanos != null;
  }

  String why() {
    return failure != null ? failure : "no driver pod was created";
  }
}
