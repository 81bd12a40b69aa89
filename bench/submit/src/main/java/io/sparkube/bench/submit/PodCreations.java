package io.sparkube.bench.submit;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.sparkube.local.api.LocalApiDispatcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The local API server's dispatcher, noting when (System.nanoTime) each pod creation arrives, by pod name. */
final class PodCreations extends LocalApiDispatcher {
  private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    long arrived = System.nanoTime();
    if (request.method() == HttpMethod.POST && withoutQuery(request.getPath()).endsWith("/pods")) {
      // getBytes() leaves the body unread for the dispatcher; getUtf8Body() would consume it.
      var body = new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
      var pod = Serialization.unmarshal(body, GenericKubernetesResource.class);
      arrivals.put(pod.getMetadata().getName(), arrived);
    }
    return super.handleCreate(request);
  }

  /** When the pod whose name starts with {@code prefix} arrived, as nanoTime; null if it has not. */
  Long arrival(String prefix) {
    return arrivals.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }

  static double millis(long nanos) {
    return Duration.ofNanos(nanos).toNanos() / 1e6;
  }
}
