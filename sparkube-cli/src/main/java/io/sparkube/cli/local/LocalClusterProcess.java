package io.sparkube.cli.local;

import io.sparkube.cli.DistributionJvm;
import io.sparkube.local.cluster.ClusterDaemon;
import io.sparkube.local.cluster.ClusterHome;
import io.sparkube.submit.SubmitEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** How the CLI starts the local cluster: the same JVM and classpath, running the cluster's main. */
public final class LocalClusterProcess {
  static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(45);
  private static final String MAIN = "io.sparkube.local.cluster.LocalClusterMain";

  private LocalClusterProcess() {}

  static ClusterHome home(SubmitEnvironment env) {
    return ClusterHome.of(env.variables());
  }

  static ClusterDaemon daemon(SubmitEnvironment env, Consumer<String> say) {
    return new ClusterDaemon(home(env), say);
  }

  /** Starts the cluster when it is not running; returns its kubeconfig. */
  public static Path ensureRunning(SubmitEnvironment env, Consumer<String> say) {
    var daemon = daemon(env, say);
    if (daemon.running().isEmpty()) {
      say.accept("starting the local cluster (sparkube local down stops it)");
    }
    daemon.up(javaCommand(), START_TIMEOUT);
    return home(env).kubeconfig();
  }

  /** This JVM and class path, plus the server libraries the distribution keeps in lib-local. */
  static List<String> javaCommand() {
    return DistributionJvm.command(List.of("-XX:TieredStopAtLevel=1"), MAIN);
  }
}
