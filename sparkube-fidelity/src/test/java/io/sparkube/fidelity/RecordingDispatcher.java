package io.sparkube.fidelity;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.sparkube.local.api.LocalApiDispatcher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The local API server's dispatcher, remembering every object written, in first-write order. */
final class RecordingDispatcher extends LocalApiDispatcher {
  private final Set<String> writtenPaths = new LinkedHashSet<>();
  private final List<String> writes = new ArrayList<>();

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    var response = super.dispatch(request);
    var method = request.method();
    if ((method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH)
        && response.code() / 100 == 2) {
      record(request, response);
    }
    return response;
  }

  /** Every object written, as stored now, in the order each was first written. */
  synchronized List<HasMetadata> writtenObjects() {
    var objects = new ArrayList<HasMetadata>();
    for (var path : writtenPaths) {
      var response = super.handleGet(path);
      if (response.code() == 200) {
        var json = new String(response.getBody().getBytes(), StandardCharsets.UTF_8);
        objects.add(Serialization.unmarshal(json, HasMetadata.class));
      }
    }
    return objects;
  }

  /** The writes as "METHOD path [content type]" lines, to explain a failure or a surprise. */
  synchronized List<String> writes() {
    return List.copyOf(writes);
  }

  private synchronized void record(RecordedRequest request, MockResponse response) {
    var path = withoutQuery(request.getPath());
    if (request.method() == HttpMethod.POST) {
      var body = new String(response.getBody().getBytes(), StandardCharsets.UTF_8);
      path = path + "/" + Serialization.unmarshal(body, GenericKubernetesResource.class).getMetadata().getName();
    }
    writtenPaths.add(path);
    writes.add(request.getMethod() + " " + request.getPath() + " [" + request.getHeader("Content-Type") + "]");
  }
}
