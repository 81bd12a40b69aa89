package io.sparkube.jobruns.http;

import io.micrometer.core.instrument.Timer;
import io.vertx.core.http.HttpServerRequest;
import java.util.UUID;

/** One request on its way to its answer: what the answer and the metrics need to know about it. */
record Exchange(HttpServerRequest request, String requestId, String operation, Timer.Sample sample) {
  static Exchange begin(HttpServerRequest request, String operation, Timer.Sample sample) {
    return new Exchange(request, UUID.randomUUID().toString(), operation, sample);
  }
}
