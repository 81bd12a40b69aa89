package io.sparkube.jobruns;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The requests the mock API server received, as "METHOD path" lines in arrival order. Each read
 * drains them, so a test that reads once before an operation and once after sees that operation's
 * calls alone. The server records a request before it answers, so a call the API has had answered
 * is already there.
 */
public final class ApiServerCalls {
  private final KubernetesMockServer server;

  public ApiServerCalls(KubernetesMockServer server) {
    this.server = server;
  }

  /** The requests since the last read. */
  public List<String> drain() {
    var calls = new ArrayList<String>();
    try {
      for (var request = server.takeRequest(0, TimeUnit.SECONDS); request != null;
          request = server.takeRequest(0, TimeUnit.SECONDS)) {
        calls.add(request.getMethod() + " " + request.getPath());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return calls;
  }
}
