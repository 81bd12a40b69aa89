package io.sparkube.cli;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusDetailsBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.sparkube.local.api.LocalApiDispatcher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The local API server's dispatcher, answering chosen requests with an API error instead. */
final class FaultyApiDispatcher extends LocalApiDispatcher {
  private record Fault(String method, String pathSuffix, MockResponse response) {}

  private final List<Fault> faults = new CopyOnWriteArrayList<>();

  /** Fails every {@code method} request whose path (without query) ends with {@code pathSuffix}. */
  FaultyApiDispatcher fail(String method, String pathSuffix, int code, String reason, String message, String kind) {
    var status = new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason).withMessage(message)
        .withDetails(kind == null ? null : new StatusDetailsBuilder().withKind(kind).build()).build();
    faults.add(new Fault(method, pathSuffix,
        new MockResponse().setResponseCode(code).setBody(Serialization.asJson(status))));
    return this;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    var path = withoutQuery(request.getPath());
    for (var fault : faults) {
      if (fault.method().equals(request.getMethod()) && path.endsWith(fault.pathSuffix())) {
        return fault.response();
      }
    }
    return super.dispatch(request);
  }
}
