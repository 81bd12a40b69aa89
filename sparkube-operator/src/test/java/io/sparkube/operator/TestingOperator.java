package io.sparkube.operator;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.sparkube.local.api.LocalApiServer;
import io.sparkube.operator.observer.DriverPods;
import io.sparkube.operator.reconciler.RunMetrics;
import io.sparkube.resources.Crds;
import io.sparkube.resources.JobRunState;
import io.sparkube.resources.SparkApplication;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The operator against a real (in-process) API server with no node: driver pods stay Pending until
 * a test moves them, as a kubelet would, by writing their status.
 */
public final class TestingOperator implements AutoCloseable {
  public final LocalApiServer api = LocalApiServer.start();
  public final KubernetesClient client = api.newClient();
  private SparkubeOperator operator;

  public TestingOperator() {
    Crds.all().forEach(crd -> client.resource(crd).create());
    client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
        .withName("default").endMetadata().build()).create();
    start();
  }

  public void start() {
    operator = SparkubeOperator.start(client, 8, java.util.Set.of(), Metrics.NOOP, RunMetrics.NONE, Clock.systemUTC());
  }

  /** Stops the operator as a crash would, mid-run: nothing it was doing is finished for it. */
  public void stop() {
    operator.close();
  }

  public static SparkApplication pi(String name) {
    var app = new SparkApplication();
    app.getMetadata().setName(name);
    app.getMetadata().setNamespace("default");
    app.getSpec().setSparkVersion("4.0.2");
    app.getSpec().setMainClass("org.apache.spark.examples.SparkPi");
    app.getSpec().setMainApplicationFile("local:///opt/spark/examples/jars/spark-examples_2.13-4.0.2.jar");
    app.getSpec().setArguments(List.of("100"));
    return app;
  }

  public SparkApplication create(SparkApplication app) {
    return client.resource(app).create();
  }

  public SparkApplication read(String name) {
    return client.resources(SparkApplication.class).inNamespace("default").withName(name).get();
  }

  public JobRunState state(String name) {
    var app = read(name);
    return app == null || app.getStatus() == null ? null : app.getStatus().getState();
  }

  public List<Pod> drivers(String name) {
    return client.pods().inNamespace("default").withLabel(DriverPods.APPLICATION_LABEL, name).list().getItems();
  }

  /** Writes a driver pod's phase and, once terminated, its container's exit, as a kubelet reports them. */
  public void driverPhase(String podName, String phase, Integer exitCode, String reason) {
    var pod = client.pods().inNamespace("default").withName(podName).get();
    var status = new PodStatusBuilder().withPhase(phase);
    if (exitCode != null) {
      status.addNewContainerStatus().withName("spark-kubernetes-driver").withNewState().withNewTerminated()
          .withExitCode(exitCode).withReason(reason).endTerminated().endState().endContainerStatus();
    }
    pod.setStatus(status.build());
    client.pods().inNamespace("default").resource(pod).updateStatus();
  }

  public Map<String, String> eventReasons(String name) {
    var reasons = new java.util.LinkedHashMap<String, String>();
    client.v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .forEach(e -> reasons.put(e.getReason(), e.getMessage()));
    return reasons;
  }

  @Override
  public void close() {
    operator.close();
    client.close();
    api.close();
  }
}
