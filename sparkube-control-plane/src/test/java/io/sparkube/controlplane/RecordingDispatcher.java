package io.sparkube.controlplane;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.sparkube.local.api.LocalApiDispatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The local API server's plain store, noting each request as "METHOD path" before answering it. */
final class RecordingDispatcher extends LocalApiDispatcher {
  private final Queue<String> calls = new ConcurrentLinkedQueue<>();

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    calls.add(request.getMethod() + " " + request.getPath());
    return super.dispatch(request);
  }

  /** The requests since the last drain, in arrival order. */
  List<String> drain() {
    var drained = new ArrayList<String>();
    for (var call = calls.poll(); call != null; call = calls.poll()) {
      drained.add(call);
    }
    return drained;
  }
}
