package io.sparkube.fidelity;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * fabric8's CRUD dispatcher plus what Spark's client needs from an API server: server-side apply
 * (which the CRUD dispatcher answers with 415), with create-or-merge semantics. It also records
 * every write, so a test can read back each object in the order it was first written.
 */
final class ApplyingCrudDispatcher extends KubernetesCrudDispatcher {
  private static final String APPLY_PATCH = "application/apply-patch+yaml";

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

  @Override
  public MockResponse handlePatch(RecordedRequest request) {
    var contentType = request.getHeader("Content-Type");
    if (contentType == null || !contentType.startsWith(APPLY_PATCH)) {
      return super.handlePatch(request);
    }
    // The body of an apply patch is YAML (or JSON, a subset of it); the stored form is JSON.
    var applied = Serialization.unmarshal(request.getUtf8Body(), GenericKubernetesResource.class);
    var json = Serialization.asJson(applied);
    var itemPath = withoutQuery(request.getPath());
    if (super.handleGet(itemPath).code() == 404) {
      var collectionPath = itemPath.substring(0, itemPath.lastIndexOf('/'));
      return super.handleCreate(jsonRequest(HttpMethod.POST, collectionPath, "application/json", json));
    }
    // Spark re-applies whole objects as the only field manager, so a merge patch is equivalent.
    return super.handlePatch(
        jsonRequest(HttpMethod.PATCH, itemPath, "application/merge-patch+json", json));
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
      path = path + "/" + Serialization.unmarshal(body, GenericKubernetesResource.class)
          .getMetadata().getName();
    }
    writtenPaths.add(path);
    writes.add(request.getMethod() + " " + request.getPath() + " ["
        + request.getHeader("Content-Type") + "]");
  }

  private static RecordedRequest jsonRequest(
      HttpMethod method, String path, String contentType, String json) {
    var headers = Headers.builder().add("Content-Type", contentType).build();
    return new RecordedRequest("HTTP/1.1", method, path, headers,
        new Buffer(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static String withoutQuery(String path) {
    var q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }
}
