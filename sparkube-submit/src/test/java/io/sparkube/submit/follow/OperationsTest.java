package io.sparkube.submit.follow;

import static io.sparkube.submit.follow.Pods.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class OperationsTest {
  KubernetesClient client;
  KubernetesMockServer server;

  @BeforeEach
  void pods() {
    Pods.create(client, Pods.driver("pi-1-driver"));
    Pods.create(client, Pods.driver("pi-2-driver"));
    Pods.terminated(client, "pi-2-driver", "Failed", 1, "Error");
    Pods.create(client, Pods.executor("pi-1-exec-1", "Running"));
    client.pods().inNamespace("other").resource(new PodBuilder(Pods.driver("wc-driver")).editMetadata()
        .withNamespace("other").addToLabels("spark-app-name", "wordcount")
        .endMetadata().build()).create();
  }

  @Test
  void statusDescribesEachMatchingDriver() {
    var status = new StatusOperation(client);

    assertThat(status.status(SubmissionId.parse("jobs:pi-*"))).containsExactlyInAnyOrder(
        "jobs:pi-1-driver Pending (container spark-kubernetes-driver not started)",
        "jobs:pi-2-driver Failed (container spark-kubernetes-driver terminated, exit code 1: Error)");
    assertThat(status.status(SubmissionId.parse("jobs:pi-2-driver"))).hasSize(1);
    assertThatThrownBy(() -> status.status(SubmissionId.parse("jobs:nope")))
        .isInstanceOfSatisfying(SparkubeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_FOUND))
        .hasMessage("no driver pod matches jobs:nope; see the submissions there with sparkube list -n jobs");
  }

  @Test
  void aGlobMatchesDriversOnly() {
    assertThat(new StatusOperation(client).status(SubmissionId.parse("jobs:pi-1*"))).singleElement()
        .asString().startsWith("jobs:pi-1-driver");
  }

  @Test
  void killDeletesMatchingDriversOnly() {
    var kill = new KillOperation(client, Optional.of(0L));

    assertThat(kill.kill(SubmissionId.parse("jobs:pi-*"))).containsExactlyInAnyOrder(
        "jobs:pi-1-driver", "jobs:pi-2-driver");
    assertThat(client.pods().inNamespace(NS).list().getItems()).extracting(p -> p.getMetadata().getName())
        .containsExactly("pi-1-exec-1");
    assertThatThrownBy(() -> kill.kill(SubmissionId.parse("jobs:pi-1-driver")))
        .isInstanceOfSatisfying(SparkubeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_FOUND));
  }

  @Test
  void killByNameIsOneDelete() throws Exception {
    var before = server.getRequestCount();
    new KillOperation(client, Optional.empty()).kill(SubmissionId.parse("jobs:pi-1-driver"));

    assertThat(server.getRequestCount() - before).isEqualTo(1);
    assertThat(client.pods().inNamespace(NS).withName("pi-1-driver").get()).isNull();
  }

  @Test
  void listShowsDriversWithAppAndAge() {
    // The mock server stamps creation itself, so measure age from what it stored.
    var created = Instant.parse(client.pods().inNamespace("other").withName("wc-driver").get()
        .getMetadata().getCreationTimestamp());
    var list = new ListOperation(client, new TestClock(created.plusSeconds(3725)));

    var lines = ListOperation.format(list.list(Optional.empty()));
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).isEqualTo("SUBMISSION ID     APP        PHASE    AGE");
    assertThat(lines.subList(1, 4)).anySatisfy(l -> assertThat(l).matches("jobs:pi-1-driver  pi         Pending  1h0[12]m\\d\\ds"))
        .anySatisfy(l -> assertThat(l).matches("jobs:pi-2-driver  pi         Failed   1h0[12]m\\d\\ds"))
        .last().isEqualTo("other:wc-driver   wordcount  Pending  1h02m05s");
    assertThat(list.list(Optional.of("other"))).extracting(ListOperation.Row::submissionId)
        .containsExactly("other:wc-driver");
  }

  @Test
  void logsReadTheDriverContainer() {
    server.expect().get()
        .withPath("/api/v1/namespaces/jobs/pods/pi-2-driver/log?pretty=false&container=spark-kubernetes-driver")
        .andReturn(200, "Pi is roughly 3.14\n").once();
    var out = new StringWriter();

    new LogsOperation(client).logs(SubmissionId.parse("jobs:pi-2-driver"), false, out);

    assertThat(out).hasToString("Pi is roughly 3.14\n");
  }

  @Test
  void followedLogsEndWhenTheStreamEnds() {
    server.expect().get()
        .withPath("/api/v1/namespaces/jobs/pods/pi-2-driver/log?pretty=false&container=spark-kubernetes-driver&follow=true")
        .andReturn(200, "line 1\nline 2\n").once();
    var out = new StringWriter();

    new LogsOperation(client).logs(SubmissionId.parse("jobs:pi-2*"), true, out);

    assertThat(out).hasToString("line 1\nline 2\n");
  }

  @Test
  void logsOfAGlobMatchingSeveralIsRefused() {
    assertThatThrownBy(() -> new LogsOperation(client).logs(SubmissionId.parse("jobs:pi-*"), false, new StringWriter()))
        .hasMessage("jobs:pi-* matches 2 driver pods; name exactly one to read its log");
  }
}
