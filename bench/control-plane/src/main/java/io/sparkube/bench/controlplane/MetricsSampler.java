package io.sparkube.bench.controlplane;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Scrapes the control plane's /metrics once a second, as a (keen) Prometheus would, keeping the
 * peaks of its heap in use and of its reconcile queue; one sampler per measured window.
 */
final class MetricsSampler implements AutoCloseable {
  private final HttpClient http = HttpClient.newHttpClient();
  private final HttpRequest request;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    var thread = new Thread(r, "metrics-sampler");
    thread.setDaemon(true);
    return thread;
  });
  private volatile double heapPeak;
  private volatile double queuePeak;
  private volatile String failure;

  MetricsSampler(String managementUrl) {
    this.request = HttpRequest.newBuilder(URI.create(managementUrl + "/metrics")).timeout(Duration.ofSeconds(10))
        .build();
  }

  void start() {
    timer.scheduleWithFixedDelay(this::sample, 0, 1, TimeUnit.SECONDS);
  }

  /** One scrape now, as text. */
  String scrape() {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot scrape " + request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted scraping " + request.uri(), e);
    }
  }

  private void sample() {
    try {
      var page = scrape();
      heapPeak = Math.max(heapPeak, heapUsed(page));
      queuePeak = Math.max(queuePeak, PrometheusText.sum(page, "sparkube_reconcile_queue_depth"));
    } catch (RuntimeException e) {
      failure = e.getMessage();
    }
  }

  static double heapUsed(String page) {
    return PrometheusText.sum(page, "jvm_memory_used_bytes", "area=\"heap\"");
  }

  double heapPeak() {
    return heapPeak;
  }

  double queuePeak() {
    return queuePeak;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    if (failure != null) {
      throw new IllegalStateException("scraping the control plane's metrics failed: " + failure);
    }
  }
}
