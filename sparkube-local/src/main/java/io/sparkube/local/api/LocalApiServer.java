package io.sparkube.local.api;

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

/** An in-process Kubernetes API server on a loopback port (plain http for now). */
public final class LocalApiServer implements AutoCloseable {
  private final KubernetesMockServer server;

  private LocalApiServer(LocalApiDispatcher dispatcher, int port) {
    server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), new HashMap<>(),
        dispatcher, false);
    server.init(InetAddress.getLoopbackAddress(), port);
  }

  /** Starts on an ephemeral port with the standard dispatcher. */
  public static LocalApiServer start() {
    return start(new LocalApiDispatcher(), 0);
  }

  /** Starts with a dispatcher of the caller's, e.g. one that also records or injects failures. */
  public static LocalApiServer start(LocalApiDispatcher dispatcher, int port) {
    return new LocalApiServer(dispatcher, port);
  }

  public int port() {
    return server.getPort();
  }

  /** e.g. {@code http://127.0.0.1:40123} */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** A client configured with nothing but this server's URL. */
  public KubernetesClient newClient() {
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl(url()).withNamespace("default").build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  @Override
  public void close() {
    server.destroy();
  }

  /** Runs a server in the foreground until the process is stopped; prints its URL. */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    var api = start(new LocalApiDispatcher(), port);
    System.out.println(api.url());
    Runtime.getRuntime().addShutdownHook(new Thread(api::close));
    Thread.currentThread().join();
  }
}
