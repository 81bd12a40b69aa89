package io.sparkube.jobruns.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * API latency: one timer, tagged with the emr-containers operation and the HTTP status. It
 * publishes a histogram, so a Prometheus registry exposes it as sparkube_api_requests_seconds
 * buckets.
 */
final class RequestMetrics {
  static final String TIMER = "sparkube.api.requests";
  /** The operation tag of requests that match no operation. */
  static final String UNKNOWN = "Unknown";

  private final MeterRegistry registry;

  RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  Timer.Sample start() {
    return Timer.start(registry);
  }

  void record(Timer.Sample sample, String operation, int status) {
    sample.stop(Timer.builder(TIMER)
        .description("Job-runs API requests, by emr-containers operation and HTTP status")
        .tag("operation", operation)
        .tag("status", Integer.toString(status))
        .publishPercentileHistogram()
        .register(registry));
  }
}
