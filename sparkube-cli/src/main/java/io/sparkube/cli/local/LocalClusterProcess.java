package io.sparkube.cli.local;

import io.sparkube.cli.DistributionJvm;
import io.sparkube.local.cluster.ClusterDaemon;
import io.sparkube.local.cluster.ClusterHome;
import io.sparkube.local.staging.LocalStaging;
import io.sparkube.submit.LocalClusterTarget;
import io.sparkube.submit.SubmitEnvironment;
import io.sparkube.submit.staging.StagingSubmitKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    return ensureRunning(env, say, List.of());
  }

  /** Starts the cluster when it is not running; says how submit reaches it and its staging server. */
  public static LocalClusterTarget target(SubmitEnvironment env, Consumer<String> say) {
    var kubeconfig = ensureRunning(env, say);
    var home = home(env);
    var staging = LocalStaging.published(home).map(uri -> Map.of(StagingSubmitKeys.URI.key(), uri.toString(),
        StagingSubmitKeys.TOKEN_FILE.key(), home.stagingTokenFile().toString())).orElse(Map.of());
    return new LocalClusterTarget(kubeconfig, staging);
  }

  /**
   * As {@link #ensureRunning(SubmitEnvironment, Consumer)}, with system properties for a cluster it
   * starts (a running one keeps its own).
   */
  static Path ensureRunning(SubmitEnvironment env, Consumer<String> say, List<String> properties) {
    var daemon = daemon(env, say);
    if (daemon.running().isEmpty()) {
      say.accept("starting the local cluster (sparkube local down stops it)");
    }
    daemon.up(javaCommand(properties), START_TIMEOUT);
    return home(env).kubeconfig();
  }

  /** This JVM and class path, plus the server libraries the distribution keeps in lib-local. */
  static List<String> javaCommand(List<String> properties) {
    var options = new java.util.ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
    options.addAll(properties);
    return DistributionJvm.command(options, MAIN);
  }
}
