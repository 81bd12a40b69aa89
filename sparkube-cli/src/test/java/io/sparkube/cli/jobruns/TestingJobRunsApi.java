package io.sparkube.cli.jobruns;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.controlplane.ControlPlane;
import io.sparkube.controlplane.config.ControlPlaneSettings;
import io.sparkube.local.api.LocalApiServer;
import io.sparkube.local.cluster.ClusterHome;
import io.sparkube.model.config.Conf;
import io.sparkube.operator.observer.DriverPods;
import io.sparkube.resources.VirtualCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real job-runs API, as the local cluster runs it: the control plane against an in-process API
 * server with no node, its URI and token published under a SPARKUBE_HOME as the local cluster
 * publishes them, and a virtual cluster {@code local} for namespace default. Driver pods stay
 * Pending until a test moves them, as a kubelet would, by writing their status.
 */
final class TestingJobRunsApi implements AutoCloseable {
  static final String TOKEN = "token-of-the-jobs-cli-tests";
  static final String ROLE = "arn:aws:iam::111122223333:role/spark";

  private final LocalApiServer api = LocalApiServer.start();
  private final KubernetesClient client = api.newClient();
  private final ControlPlane controlPlane;
  private final Path sparkubeHome;

  TestingJobRunsApi(Path sparkubeHome) {
    this.sparkubeHome = sparkubeHome;
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("default").endMetadata().build())
        .create();
    var home = ClusterHome.of(Map.of("SPARKUBE_HOME", sparkubeHome.toString()));
    try {
      Files.createDirectories(home.controlPlaneDir());
      Files.writeString(home.jobRunsTokenFile(), TOKEN + "\n");
      controlPlane = ControlPlane.start(client, ControlPlaneSettings.read(Conf.of(Map.of(
          "sparkube.controlPlane.installCrds", "true", "sparkube.controlPlane.managementPort", "0",
          "sparkube.jobruns.port", "0", "sparkube.jobruns.tokenFile", home.jobRunsTokenFile().toString()))),
          Clock.systemUTC());
      Files.writeString(home.jobRunsUriFile(), endpoint() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    virtualCluster("local");
  }

  String endpoint() {
    return "http://127.0.0.1:" + controlPlane.apiPort();
  }

  Path sparkubeHome() {
    return sparkubeHome;
  }

  /** A virtual cluster of its own, so a test sees only the runs it started. */
  void virtualCluster(String id) {
    var cluster = new VirtualCluster();
    cluster.getMetadata().setName(id);
    cluster.getSpec().setDisplayName(id);
    cluster.getSpec().setNamespace("default");
    cluster.getSpec().setContainerProviderId("sparkube-local");
    client.resources(VirtualCluster.class).resource(cluster).create();
  }

  /** Writes the phase of the run's driver, once the operator made it, and the driver container's exit. */
  void driverEnds(String runId, String phase, int exitCode, String reason) {
    var pod = await().atMost(Duration.ofSeconds(30)).until(() -> drivers(runId), pods -> !pods.isEmpty()).get(0);
    pod.setStatus(new PodStatusBuilder().withPhase(phase).addNewContainerStatus()
        .withName("spark-kubernetes-driver").withNewState().withNewTerminated().withExitCode(exitCode)
        .withReason(reason).endTerminated().endState().endContainerStatus().build());
    client.pods().inNamespace("default").resource(pod).updateStatus();
  }

  private List<Pod> drivers(String runId) {
    return client.pods().inNamespace("default").withLabel(DriverPods.APPLICATION_LABEL, runId).list().getItems();
  }

  @Override
  public void close() {
    try {
      controlPlane.close();
    } finally {
      client.close();
      api.close();
    }
  }
}
