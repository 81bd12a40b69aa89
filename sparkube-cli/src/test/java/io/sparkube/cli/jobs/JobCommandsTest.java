package io.sparkube.cli.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.sparkube.cli.Terminal;
import io.sparkube.submit.SubmitEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@EnableKubernetesMockClient(crud = true, https = false)
class JobCommandsTest {
  KubernetesClient client;
  KubernetesMockServer server;

  @TempDir
  Path home;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void drivers() {
    client.pods().inNamespace("jobs").resource(driver("pi-driver", "Running")).create();
    client.pods().inNamespace("default").resource(driver("wc-driver", "Succeeded")).create();
  }

  @Test
  void statusPrintsTheDriverState() {
    assertThat(run(new StatusCommand(writer(out), writer(err), env()), "jobs:pi-driver")).isZero();

    assertThat(out).hasToString("jobs:pi-driver Running (container spark-kubernetes-driver not started)\n");
    assertThat(err).hasToString("");
  }

  @Test
  void aBareIdUsesTheNamespaceOption() {
    assertThat(run(new StatusCommand(writer(out), writer(err), env()), "-n", "jobs", "pi-*")).isZero();
    assertThat(out.toString()).startsWith("jobs:pi-driver Running");
  }

  @Test
  void noMatchExitsWithItsCodeAndOneLine() {
    assertThat(run(new StatusCommand(writer(out), writer(err), env()), "nope")).isEqualTo(78);

    assertThat(err).hasToString(
        "sparkube: no driver pod matches default:nope; see the submissions there with sparkube list -n default\n");
    assertThat(out).hasToString("");
  }

  @Test
  void killDeletesTheDriver() {
    assertThat(run(new KillCommand(writer(out), writer(err), env()), "jobs:pi-*",
        "--conf", "spark.kubernetes.appKillPodDeletionGracePeriod=5s")).isZero();

    assertThat(out).hasToString("Deleted driver pod jobs:pi-driver\n");
    assertThat(client.pods().inNamespace("jobs").withName("pi-driver").get()).isNull();
  }

  @Test
  void listPrintsATable() {
    var created = Instant.parse(client.pods().inNamespace("jobs").withName("pi-driver").get()
        .getMetadata().getCreationTimestamp());
    var clock = Clock.fixed(created.plusSeconds(90), ZoneOffset.UTC);

    assertThat(run(new ListCommand(writer(out), writer(err), env(), clock), "-n", "jobs")).isZero();

    assertThat(out).hasToString("SUBMISSION ID   APP  PHASE    AGE\njobs:pi-driver  pi   Running  1m30s\n");
  }

  @Test
  void listAllNamespaces() {
    assertThat(run(new ListCommand(writer(out), writer(err), env()), "-A")).isZero();
    assertThat(out.toString().lines()).hasSize(3);
  }

  @Test
  void logsPrintTheDriverLog() {
    server.expect().get()
        .withPath("/api/v1/namespaces/jobs/pods/pi-driver/log?pretty=false&container=spark-kubernetes-driver")
        .andReturn(200, "Pi is roughly 3.14\n").once();

    assertThat(run(new LogsCommand(writer(out), writer(err), env()), "jobs:pi-driver")).isZero();
    assertThat(out).hasToString("Pi is roughly 3.14\n");
  }

  @Test
  void aBadMasterExitsWithItsCode() {
    var command = new StatusCommand(writer(out), writer(err), env());
    assertThat(new CommandLine(command).execute("--master", "k8s://ftp://x", "a")).isEqualTo(68);
    assertThat(err.toString()).startsWith("sparkube: master URL k8s://ftp://x is not valid");
  }

  @Test
  void anUnreachableServerNamesTheUrl() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var command = new ListCommand(writer(out), writer(err), env());
    assertThat(new CommandLine(command).execute("--master", "k8s://http://127.0.0.1:" + port)).isEqualTo(69);
    assertThat(err.toString()).startsWith("sparkube: cannot reach the Kubernetes API server at http://127.0.0.1:" + port);
  }

  @Test
  void registersUnderTheTopLevelCommand() {
    var top = new CommandLine(new Top());
    JobCommands.register(top, new Terminal(writer(out), writer(err), false, env()));

    assertThat(top.getSubcommands()).containsOnlyKeys("status", "logs", "kill", "list");
    assertThat(top.execute("status", "--master", "k8s://http://localhost:" + server.getPort(), "jobs:pi-driver"))
        .isZero();
    assertThat(out.toString()).startsWith("jobs:pi-driver Running");
  }

  @CommandLine.Command(name = "sparkube")
  static final class Top implements Runnable {
    @Override
    public void run() {}
  }

  private int run(JobCommand command, String... args) {
    var all = new ArrayList<>(List.of("--master", "k8s://http://localhost:" + server.getPort()));
    all.addAll(List.of(args));
    return new CommandLine(command).execute(all.toArray(String[]::new));
  }

  private SubmitEnvironment env() {
    return new SubmitEnvironment(Map.of("HOME", home.toString()), "ann", home);
  }

  private static PrintWriter writer(StringWriter target) {
    return new PrintWriter(target, true);
  }

  private static Pod driver(String name, String phase) {
    return new PodBuilder().withNewMetadata().withName(name).addToLabels("spark-role", "driver")
        .addToLabels("spark-app-name", name.substring(0, 2)).endMetadata()
        .withNewSpec().addNewContainer().withName("spark-kubernetes-driver").endContainer().endSpec()
        .withNewStatus().withPhase(phase).endStatus().build();
  }
}
