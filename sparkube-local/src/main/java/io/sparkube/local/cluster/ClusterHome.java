package io.sparkube.local.cluster;

import io.sparkube.local.PodLogLayout;
import io.sparkube.model.config.SparkubeHome;
import java.nio.file.Path;
import java.util.Map;

/**
 * The files of the local cluster, under one directory ({@code $SPARKUBE_HOME/local}, by default
 * {@code ~/.sparkube/local}): its pid, kubeconfig, log, API server state, pods, logs and staged files. Images
 * live beside it, in {@code $SPARKUBE_HOME/images}, shared by every cluster.
 */
public record ClusterHome(Path dir, Path imagesDir) {

  public static ClusterHome of(Map<String, String> env) {
    var base = SparkubeHome.of(env);
    return new ClusterHome(base.resolve("local"), base.resolve("images"));
  }

  public Path pidFile() {
    return dir.resolve("cluster.pid");
  }

  /** Written by the cluster process once it serves requests, removed when it stops. */
  public Path readyFile() {
    return dir.resolve("cluster.ready");
  }

  public Path kubeconfig() {
    return dir.resolve("kubeconfig");
  }

  public Path logFile() {
    return dir.resolve("cluster.log");
  }

  public Path apiDir() {
    return dir.resolve("api");
  }

  public Path nodeDir() {
    return dir.resolve("node");
  }

  /** The staging server's blobs, its token and signing key, and the URI it serves on. */
  public Path stagingDir() {
    return dir.resolve("staging");
  }

  public Path stagingStoreDir() {
    return stagingDir().resolve("store");
  }

  public Path stagingTokenFile() {
    return stagingDir().resolve("token");
  }

  public Path stagingSigningKeyFile() {
    return stagingDir().resolve("signing-key");
  }

  /** Written once the staging server serves, removed when the cluster stops. */
  public Path stagingUriFile() {
    return stagingDir().resolve("uri");
  }

  /** The control plane's job-runs API: its token, and the URI it serves on while the cluster runs. */
  public Path controlPlaneDir() {
    return dir.resolve("control-plane");
  }

  public Path jobRunsTokenFile() {
    return controlPlaneDir().resolve("token");
  }

  public Path jobRunsUriFile() {
    return controlPlaneDir().resolve("uri");
  }

  public PodLogLayout podLogs() {
    return new PodLogLayout(dir.resolve("logs"));
  }
}
