package io.sparkube.fidelity;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.local.api.LocalApiServer;
import java.util.List;

/** A local API server that records what a submission wrote, for one side of a comparison. */
final class MockApiServer implements AutoCloseable {
  private final RecordingDispatcher dispatcher = new RecordingDispatcher();
  private final LocalApiServer server = LocalApiServer.start(dispatcher, 0);

  static MockApiServer start() {
    return new MockApiServer();
  }

  /** The API server URL, e.g. {@code http://127.0.0.1:40123}. */
  String url() {
    return server.url();
  }

  KubernetesClient newClient() {
    return server.newClient();
  }

  List<HasMetadata> writtenObjects() {
    return dispatcher.writtenObjects();
  }

  List<String> writes() {
    return dispatcher.writes();
  }

  @Override
  public void close() {
    server.close();
  }
}
