package io.sparkube.local.api;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * fabric8's CRUD dispatcher plus the two behaviours Spark's client relies on: server-side apply
 * (Spark applies the driver's Service and ConfigMap) and a Pending status on new pods (Spark's
 * pod watchers fail on a pod with no status, which a real API server never returns).
 */
public class LocalApiDispatcher extends KubernetesCrudDispatcher {
  private static final String APPLY_PATCH = "application/apply-patch+yaml";
  private static final String PODS_COLLECTION = "/pods";

  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    var path = withoutQuery(request.getPath());
    if (request.method() == HttpMethod.POST && path.endsWith(PODS_COLLECTION)) {
      return super.handleCreate(withBody(request, HttpMethod.POST, path, withPendingStatus(request.getUtf8Body())));
    }
    return super.handleCreate(request);
  }

  @Override
  public MockResponse handlePatch(RecordedRequest request) {
    var contentType = request.getHeader("Content-Type");
    if (contentType == null || !contentType.startsWith(APPLY_PATCH)) {
      return super.handlePatch(request);
    }
    // An apply body is YAML (JSON is a subset of it); the store holds JSON.
    var json = Serialization.asJson(Serialization.unmarshal(request.getUtf8Body(), GenericKubernetesResource.class));
    var itemPath = withoutQuery(request.getPath());
    if (super.handleGet(itemPath).code() == 404) {
      var collection = itemPath.substring(0, itemPath.lastIndexOf('/'));
      return handleCreate(jsonRequest(HttpMethod.POST, collection, "application/json", json));
    }
    // Approximation: with one field manager applying whole objects, apply equals a merge patch.
    return super.handlePatch(jsonRequest(HttpMethod.PATCH, itemPath, "application/merge-patch+json", json));
  }

  private static String withPendingStatus(String body) {
    var pod = Serialization.unmarshal(body, GenericKubernetesResource.class);
    var status = pod.getAdditionalProperties().get("status");
    if (!(status instanceof Map<?, ?> map) || map.get("phase") == null) {
      pod.getAdditionalProperties().put("status", Map.of("phase", "Pending"));
    }
    return Serialization.asJson(pod);
  }

  private static RecordedRequest withBody(RecordedRequest original, HttpMethod method, String path, String json) {
    return new RecordedRequest("HTTP/1.1", method, path + query(original.getPath()), original.getHeaders(),
        new Buffer(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static RecordedRequest jsonRequest(HttpMethod method, String path, String contentType, String json) {
    var headers = Headers.builder().add("Content-Type", contentType).build();
    return new RecordedRequest("HTTP/1.1", method, path, headers, new Buffer(json.getBytes(StandardCharsets.UTF_8)));
  }

  protected static String withoutQuery(String path) {
    var q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  private static String query(String path) {
    var q = path.indexOf('?');
    return q < 0 ? "" : path.substring(q);
  }
}
