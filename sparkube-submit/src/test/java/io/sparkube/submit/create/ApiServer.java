package io.sparkube.submit.create;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusDetailsBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * fabric8's CRUD mock server plus what the tests need from a real API server: server-side apply
 * creating absent objects (the CRUD mock only patches existing ones), and a way to make the
 * n-th request to a path fail with a given Status, to break one creation step at a time.
 */
final class ApiServer extends Dispatcher implements AutoCloseable {
  private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
  private final List<Failing> failures = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final KubernetesMockServer server;

  private record Failing(String method, String path, AtomicInteger skip, MockResponse response) {}

  ApiServer() {
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), this, false);
    server.init();
  }

  NamespacedKubernetesClient client() {
    return server.createClient();
  }

  /** Makes the request after {@code skip} matching ones fail; paths match without the query. */
  void fail(String method, String path, int skip, int code, String reason, String message, String kind) {
    var status = new StatusBuilder().withApiVersion("v1").withKind("Status").withStatus("Failure")
        .withCode(code).withReason(reason).withMessage(message)
        .withDetails(kind == null ? null : new StatusDetailsBuilder().withKind(kind).build()).build();
    var response = new MockResponse().setResponseCode(code).setBody(Serialization.asJson(status));
    failures.add(new Failing(method, path, new AtomicInteger(skip), response));
  }

  List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    var path = request.getPath().split("\\?")[0];
    requests.add(request.getMethod() + " " + path);
    for (var failing : failures) {
      if (failing.method().equals(request.getMethod()) && failing.path().equals(path)
          && failing.skip().getAndDecrement() == 0) {
        return failing.response();
      }
    }
    var type = request.getHeader("Content-Type");
    if ("PATCH".equals(request.getMethod()) && type != null && type.contains("apply-patch")) {
      return apply(request, path);
    }
    return crud.dispatch(request);
  }

  /** Server-side apply, approximated: create when absent, else a merge patch of the given fields. */
  private MockResponse apply(RecordedRequest request, String path) {
    var body = new Buffer().writeUtf8(request.getUtf8Body());
    if (crud.handleGet(path).code() == 404) {
      var collection = path.substring(0, path.lastIndexOf('/'));
      return crud.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.POST, collection, request.getHeaders(), body));
    }
    var headers = request.getHeaders().newBuilder().set("Content-Type", "application/merge-patch+json").build();
    return crud.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.PATCH, path, headers, body));
  }

  @Override
  public void close() {
    server.destroy();
  }
}
