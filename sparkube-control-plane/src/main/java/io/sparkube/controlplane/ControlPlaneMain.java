package io.sparkube.controlplane;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.sparkube.controlplane.config.ControlPlaneKeys;
import io.sparkube.controlplane.config.ControlPlaneSettings;
import io.sparkube.jobruns.config.JobRunsKeys;
import io.sparkube.model.config.ServerSettings;
import io.sparkube.model.error.SparkubeException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the control plane until told to stop. The cluster comes from the in-cluster ServiceAccount
 * or the kubeconfig; settings from an optional properties file and {@code -D} properties.
 */
public final class ControlPlaneMain {
  private ControlPlaneMain() {}

  public static void main(String[] args) throws InterruptedException {
    ControlPlaneSettings settings;
    try {
      settings = ControlPlaneSettings.read(ServerSettings.read(List.of(args), System.getProperties(),
          List.of(ControlPlaneKeys.PREFIX, JobRunsKeys.PREFIX)));
    } catch (SparkubeException e) {
      System.err.println("sparkube control plane: " + e.getMessage());
      System.exit(e.failure().exitCode());
      return;
    }
    var client = new KubernetesClientBuilder().build();
    var controlPlane = ControlPlane.start(client, settings, Clock.systemUTC());
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      controlPlane.close();
      client.close();
      stopped.countDown();
    }, "control-plane-stop"));
    System.out.println("control plane up: job-runs API on port " + controlPlane.apiPort() + ", metrics on port "
        + controlPlane.managementPort());
    stopped.await();
  }
}
