package io.sparkube.fidelity;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;

/** A plain-http fabric8 mock API server in CRUD mode that speaks server-side apply. */
final class MockApiServer implements AutoCloseable {
  private final ApplyingCrudDispatcher dispatcher = new ApplyingCrudDispatcher();
  private final KubernetesMockServer server;

  private MockApiServer() {
    server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(),
        new HashMap<>(), dispatcher, false);
    server.init(InetAddress.getLoopbackAddress(), 0);
  }

  static MockApiServer start() {
    return new MockApiServer();
  }

  /** The API server URL, e.g. {@code http://127.0.0.1:40123}. */
  String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** A client of our fabric8 version, configured only with this server's URL. */
  KubernetesClient newClient() {
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl(url()).build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  List<HasMetadata> writtenObjects() {
    return dispatcher.writtenObjects();
  }

  List<String> writes() {
    return dispatcher.writes();
  }

  @Override
  public void close() {
    server.destroy();
  }
}
