package io.sparkube.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.sparkube.local.api.LocalApiDispatcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The local API server's dispatcher, noting when (System.nanoTime) each pod creation arrives, by
 * pod name and by label, and counting every creation by resource and every request by kind, so a
 * benchmark can show what the tools it compares ask of the API server.
 */
public final class PodCreations extends LocalApiDispatcher {
  private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
  private final Map<String, Long> byLabel = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> creations = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    requests.computeIfAbsent(ApiRequestKind.of(request.method().name(), request.getPath()), k -> new LongAdder())
        .increment();
    return super.dispatch(request);
  }

  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    long arrived = System.nanoTime();
    if (request.method() == HttpMethod.POST) {
      var path = withoutQuery(request.getPath());
      creations.computeIfAbsent(path.substring(path.lastIndexOf('/') + 1), r -> new LongAdder()).increment();
      if (path.endsWith("/pods")) {
        // getBytes() leaves the body unread for the dispatcher; getUtf8Body() would consume it.
        var body = new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
        var pod = Serialization.unmarshal(body, GenericKubernetesResource.class);
        arrivals.put(pod.getMetadata().getName(), arrived);
        var labels = pod.getMetadata().getLabels();
        if (labels != null) {
          labels.forEach((key, value) -> byLabel.put(key + "=" + value, arrived));
        }
      }
    }
    return super.handleCreate(request);
  }

  /** When the pod whose name starts with {@code prefix} arrived, as nanoTime; null if it has not. */
  public Long arrival(String prefix) {
    return arrivals.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }

  /** When the (last) pod labelled {@code key=value} arrived, as nanoTime; null if none has. */
  public Long labelled(String key, String value) {
    return byLabel.get(key + "=" + value);
  }

  /** POSTs so far by resource, e.g. {@code pods=100, services=100}, in name order. */
  public Map<String, Long> created() {
    return sums(creations);
  }

  /** Requests so far by kind, e.g. {@code GET pods=100, WATCH pods=1}; see {@link ApiRequestKind}. */
  public Map<String, Long> requests() {
    return sums(requests);
  }

  private static Map<String, Long> sums(Map<String, LongAdder> counters) {
    var counts = new TreeMap<String, Long>();
    counters.forEach((key, count) -> counts.put(key, count.sum()));
    return counts;
  }

  public static double millis(long nanos) {
    return Duration.ofNanos(nanos).toNanos() / 1e6;
  }
}
