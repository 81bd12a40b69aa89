package io.sparkube.local.cluster;

import io.sparkube.local.api.LocalApiServer;
import io.sparkube.local.image.LocalImageRegistry;
import io.sparkube.local.node.LocalNode;
import io.sparkube.local.node.NodeSettings;
import io.sparkube.local.staging.LocalStaging;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * The local cluster's own process: the API server on 127.0.0.1:443, the node and the staging
 * server, until it is told to stop (SIGTERM from {@code sparkube local down}), when the node stops
 * every pod first. {@code -Dsparkube.staging.*} properties override the staging server's settings.
 */
public final class LocalClusterMain {
  private LocalClusterMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    var home = new ClusterHome(Path.of(args[0]), Path.of(args[1]));
    var address = ClusterDaemon.API_ADDRESS;
    var api = LocalApiServer.startCluster(home.apiDir(), address.getHostString(), address.getPort(), home.podLogs());
    var client = api.newClient();
    var node = new LocalNode(client, new LocalImageRegistry(home.imagesDir()), home.nodeDir(), home.podLogs(),
        NodeSettings.defaults()).start();
    node.sandboxProblem().ifPresent(problem -> System.err.println("sparkube: pods cannot run: " + problem));
    var staging = LocalStaging.start(home, client, System.getProperties(), Clock.systemUTC());
    var addons = new ArrayList<ClusterAddon.Running>();
    for (var addon : ClusterAddon.installed()) {
      addons.add(addon.start(new ClusterAddon.Cluster(home, client)));
    }

    var stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        Files.deleteIfExists(home.readyFile());
      } catch (IOException e) {
        // The daemon treats a missing process as stopped whatever this file says.
      }
      addons.forEach(ClusterAddon.Running::close);
      node.close();
      staging.close();
      client.close();
      api.close();
      stopped.countDown();
    }, "local-cluster-stop"));

    var kubeconfig = Files.copy(api.kubeconfig(), home.dir().resolve("kubeconfig.tmp"), StandardCopyOption.REPLACE_EXISTING);
    Files.move(kubeconfig, home.kubeconfig(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    // What sparkube local status shows: where the API is, and how memory limits are enforced.
    var facts = new StringBuilder(api.url() + "\n" + node.memoryLimits() + "\n" + "staging server: " + staging.uri()
        + "\n");
    addons.forEach(addon -> addon.facts().forEach(line -> facts.append(line).append("\n")));
    Files.writeString(home.readyFile(), facts.toString());
    System.out.println("local cluster up: " + api.url() + ", kubeconfig " + home.kubeconfig());
    stopped.await();
  }
}
