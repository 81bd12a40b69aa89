package io.sparkube.bench.localjob;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The local cluster this benchmark starts and stops, in a home of its own. Only one local cluster
 * can serve 127.0.0.1:443, so it first waits for the port to be free, and never stops another.
 */
final class LocalCluster implements AutoCloseable {
  private static final Duration CHECK_EVERY = Duration.ofSeconds(30);

  private final Path launcher;
  private final Path home;
  private final ChildProcess child;
  private boolean up;

  LocalCluster(Path root, Path home, ChildProcess child) {
    this.launcher = root.resolve("bin/sparkube");
    this.home = home;
    this.child = child;
  }

  Path kubeconfig() {
    return sparkubeHome().resolve("local/kubeconfig");
  }

  Path sparkubeHome() {
    return home.resolve(".sparkube");
  }

  Map<String, String> env() {
    return Map.of("HOME", home.toString(), "SPARKUBE_HOME", sparkubeHome().toString());
  }

  /** Builds the image (quick when it exists), waits for port 443, starts the cluster; returns how long up took. */
  Duration start(String sparkVersion, Duration maxWait) throws IOException, InterruptedException {
    child.run("image-build", List.of(launcher.toString(), "local", "image", "build", "--spark", sparkVersion), env(),
        home);
    awaitFreePort(maxWait);
    var result = child.run("local-up", List.of(launcher.toString(), "local", "up"), env(), home);
    up = true;
    return Duration.between(result.start(), result.end());
  }

  private static void awaitFreePort(Duration maxWait) throws InterruptedException {
    var deadline = Instant.now().plus(maxWait);
    while (portBusy()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("127.0.0.1:443 has been busy for " + maxWait.toMinutes()
            + " minutes (another local cluster?); see: ss -ltnp 'sport = :443'");
      }
      System.out.println("127.0.0.1:443 is busy (another local cluster?); checking again in "
          + CHECK_EVERY.toSeconds() + " s");
      Thread.sleep(CHECK_EVERY.toMillis());
    }
  }

  private static boolean portBusy() {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", 443), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (up) {
      child.run("local-down", List.of(launcher.toString(), "local", "down"), env(), home);
    }
  }
}
