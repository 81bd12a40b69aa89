package io.sparkube.operator.submission;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.sparkube.local.api.LocalApiDispatcher;
import io.sparkube.local.api.LocalApiServer;
import io.sparkube.operator.TestingOperator;
import io.sparkube.operator.observer.DriverPods;
import io.sparkube.resources.Crds;
import io.sparkube.resources.SparkApplication;
import io.sparkube.submit.ClusterSubmitter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A pass repeated after a crash: the attempt's driver is adopted by its create, never made twice. */
class RunSubmissionTest {
  private final Recording dispatcher = new Recording();
  private final LocalApiServer api = LocalApiServer.start(dispatcher, 0);
  private final KubernetesClient client = api.newClient();
  private final RunSubmission submission = new RunSubmission(new ClusterSubmitter(client, Clock.systemUTC()));

  @AfterEach
  void stop() {
    client.close();
    api.close();
  }

  @Test
  void aRepeatedAttemptAdoptsItsDriverAndAskedForNoPodBeforeCreating() {
    var app = created("pi");

    var first = submission.submit(app, Optional.empty(), 1);
    var podReadsOfFirst = dispatcher.requests.stream().filter(r -> r.startsWith("GET") && r.contains("/pods")).toList();
    var again = submission.submit(app, Optional.empty(), 1);

    assertThat(podReadsOfFirst).isEmpty();
    assertThat(first.adopted()).isFalse();
    assertThat(again.adopted()).isTrue();
    assertThat(again.driverPod()).isEqualTo(first.driverPod());
    assertThat(again.appId()).isEqualTo(first.appId());
    assertThat(drivers("pi")).hasSize(1);
    var podUid = drivers("pi").get(0).getMetadata().getUid();
    assertThat(client.configMaps().inNamespace("default").list().getItems())
        .filteredOn(c -> c.getMetadata().getOwnerReferences().stream().anyMatch(r -> r.getUid().equals(podUid)))
        .isNotEmpty();
    assertThat(dispatcher.requests).noneMatch(r -> r.startsWith("DELETE"));
  }

  @Test
  void theNextAttemptMakesItsOwnDriver() {
    var app = created("pi");

    var first = submission.submit(app, Optional.empty(), 1);
    var second = submission.submit(app, Optional.empty(), 2);

    assertThat(second.adopted()).isFalse();
    assertThat(second.driverPod()).isNotEqualTo(first.driverPod());
    assertThat(drivers("pi")).hasSize(2);
  }

  private SparkApplication created(String name) {
    Crds.all().forEach(crd -> client.resource(crd).create());
    return client.resource(TestingOperator.pi(name)).create();
  }

  private List<io.fabric8.kubernetes.api.model.Pod> drivers(String name) {
    return client.pods().inNamespace("default").withLabel(DriverPods.APPLICATION_LABEL, name).list().getItems();
  }

  private static final class Recording extends LocalApiDispatcher {
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      requests.add(request.getMethod() + " " + request.getPath());
      return super.dispatch(request);
    }
  }
}
