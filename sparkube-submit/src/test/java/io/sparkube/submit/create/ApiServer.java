package io.sparkube.submit.create;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusDetailsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.sparkube.local.api.LocalApiDispatcher;
import io.sparkube.local.api.LocalApiServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The local API server, recording requests and failing chosen ones, to test creation and rollback. */
final class ApiServer implements AutoCloseable {
  private final FailingDispatcher dispatcher = new FailingDispatcher();
  private final LocalApiServer server = LocalApiServer.start(dispatcher, 0);

  KubernetesClient client() {
    return server.newClient();
  }

  /** Makes the request after {@code skip} matching ones fail; paths match without the query. */
  void fail(String method, String path, int skip, int code, String reason, String message, String kind) {
    var status = new StatusBuilder().withApiVersion("v1").withKind("Status").withStatus("Failure")
        .withCode(code).withReason(reason).withMessage(message)
        .withDetails(kind == null ? null : new StatusDetailsBuilder().withKind(kind).build()).build();
    var response = new MockResponse().setResponseCode(code).setBody(Serialization.asJson(status));
    dispatcher.failures.add(new Failing(method, path, new AtomicInteger(skip), response));
  }

  List<String> requests() {
    return List.copyOf(dispatcher.requests);
  }

  @Override
  public void close() {
    server.close();
  }

  private record Failing(String method, String path, AtomicInteger skip, MockResponse response) {}

  private static final class FailingDispatcher extends LocalApiDispatcher {
    private final List<Failing> failures = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      var path = withoutQuery(request.getPath());
      requests.add(request.getMethod() + " " + path);
      for (var failing : failures) {
        if (failing.method().equals(request.getMethod()) && failing.path().equals(path)
            && failing.skip().getAndDecrement() == 0) {
          return failing.response();
        }
      }
      return super.dispatch(request);
    }
  }
}
