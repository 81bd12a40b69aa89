package io.sparkube.staging.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.sparkube.staging.TestData;
import io.sparkube.staging.TestingStaging;
import io.sparkube.staging.client.StagedEntry;
import io.sparkube.staging.client.UploadProgress;
import io.sparkube.staging.service.JobId;
import io.sparkube.staging.store.Sha256;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The job watch against the CRUD mock API server: drivers that end release their jobs' files. */
@EnableKubernetesMockClient(crud = true)
class JobWatchTest {
  static final String NS = "jobs";
  static final Duration GRACE = Duration.ofMinutes(5);

  KubernetesClient client;
  @TempDir
  Path dir;
  TestingStaging staging;
  int seed;

  @AfterEach
  void stop() {
    if (staging != null) {
      staging.close();
    }
  }

  /** A server watching {@code namespaces} ("" for all); resyncs run only when a test asks. */
  private TestingStaging start(String namespaces) {
    var settings = new HashMap<>(Map.of("sparkube.staging.jobs.watch", "true",
        "sparkube.staging.jobs.namespaces", namespaces, "sparkube.staging.jobs.grace", GRACE.toMillis() + "ms",
        "sparkube.staging.jobs.resyncInterval", "1d"));
    staging = new TestingStaging(dir, settings).start(client);
    assertThat(awaitStarted()).isEqualTo(WatchState.WATCHING);
    return staging;
  }

  private WatchState awaitStarted() {
    try {
      return staging.server.jobWatch().orElseThrow().started().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Uploads a file and references it under {@code job}, as sparkube submit does before creating the driver. */
  private String stage(String job) {
    seed++;
    var sha = staging.client().upload(TestData.write(dir.resolve(job + ".jar"), TestData.randomBytes(100, seed)),
        UploadProgress.NONE).sha256();
    staging.client().reference(job, List.of(new StagedEntry(sha, "app.jar")));
    return sha;
  }

  private boolean referenced(String job) {
    return !staging.server.service().blobsOf(new JobId(job)).isEmpty();
  }

  private int resync() {
    return staging.server.jobWatch().orElseThrow().resyncNow();
  }

  static Pod driver(String namespace, String job, String phase) {
    return new PodBuilder().withNewMetadata().withName(job + "-driver").withNamespace(namespace)
        .addToLabels("spark-app-selector", job).addToLabels("spark-role", "driver").endMetadata()
        .withNewSpec().addNewContainer().withName("spark-kubernetes-driver").endContainer().endSpec()
        .withNewStatus().withPhase(phase).endStatus().build();
  }

  private void create(Pod pod) {
    client.resource(pod).create();
  }

  private void phase(String namespace, String job, String phase) {
    client.pods().inNamespace(namespace).withName(job + "-driver")
        .edit(p -> new PodBuilder(p).editStatus().withPhase(phase).endStatus().build());
  }

  private void awaitSeen(String... jobs) {
    var expected = Arrays.stream(jobs).map(JobId::new).toList();
    await().atMost(Duration.ofSeconds(30)).until(() -> staging.server.jobWatch().orElseThrow().liveJobs()
        .orElse(Set.of()).containsAll(expected));
  }

  private void awaitReleased(String job) {
    await().atMost(Duration.ofSeconds(30)).until(() -> !referenced(job));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Succeeded", "Failed"})
  void aDriverThatEndsReleasesItsJob(String finalPhase) {
    start(NS);
    var sha = stage("spark-ending");
    create(driver(NS, "spark-ending", "Pending"));
    phase(NS, "spark-ending", "Running");

    phase(NS, "spark-ending", finalPhase);

    awaitReleased("spark-ending");
    assertThat(staging.meta(sha).jobs()).isEmpty();
    assertThat(staging.meta(sha).unreferencedSince()).hasValue(staging.clock.instant());
    assertThat(staging.server.service().exists(new Sha256(sha))).as("kept for the retention").isPresent();
  }

  @Test
  void aDeletedDriverReleasesItsJob() {
    start(NS);
    stage("spark-gone");
    create(driver(NS, "spark-gone", "Running"));

    client.pods().inNamespace(NS).withName("spark-gone-driver").delete();

    awaitReleased("spark-gone");
  }

  @Test
  void aDriverThatEndedBeforeTheServerStartedIsReleasedByTheFirstListing() {
    start(NS);
    stage("spark-ended");
    staging.close();
    create(driver(NS, "spark-ended", "Succeeded"));

    staging.start(client);

    awaitReleased("spark-ended");
  }

  @Test
  void aRunningDriverKeepsItsReferencesHoweverOld() {
    start(NS);
    stage("spark-running");
    create(driver(NS, "spark-running", "Running"));
    stage("spark-done");
    create(driver(NS, "spark-done", "Running"));
    awaitSeen("spark-running", "spark-done");
    staging.clock.advance(GRACE.multipliedBy(10));

    assertThat(resync()).isZero();
    phase(NS, "spark-done", "Succeeded");
    awaitReleased("spark-done");

    assertThat(referenced("spark-running")).isTrue();
  }

  @Test
  void theResyncReleasesAJobWithNoDriverOnlyPastTheGrace() {
    start(NS);
    stage("spark-orphan");
    staging.clock.advance(GRACE.minusMinutes(1));
    stage("spark-starting");
    staging.clock.advance(Duration.ofMinutes(1));

    assertThat(resync()).as("the orphan's reference is exactly the grace old").isZero();
    staging.clock.advance(Duration.ofSeconds(1));

    assertThat(resync()).isEqualTo(1);
    assertThat(referenced("spark-orphan")).isFalse();
    assertThat(referenced("spark-starting")).as("its driver may still be on its way").isTrue();
  }

  @Test
  void afterARestartTheGraceCountsFromTheStart() {
    start(NS);
    stage("spark-orphan");
    staging.clock.advance(GRACE.multipliedBy(3));

    staging.close();
    staging.start(client);
    assertThat(awaitStarted()).isEqualTo(WatchState.WATCHING);

    assertThat(resync()).isZero();
    assertThat(referenced("spark-orphan")).isTrue();
    staging.clock.advance(GRACE.plusSeconds(1));
    assertThat(resync()).isEqualTo(1);
  }

  @Test
  void onlyTheConfiguredNamespacesAreWatched() {
    start(NS);
    stage("spark-elsewhere");
    stage("spark-here");
    create(driver("other", "spark-elsewhere", "Running"));
    create(driver(NS, "spark-here", "Running"));

    phase("other", "spark-elsewhere", "Succeeded");
    phase(NS, "spark-here", "Succeeded");

    awaitReleased("spark-here");
    assertThat(referenced("spark-elsewhere")).isTrue();
  }

  @Test
  void withNoNamespacesEveryNamespaceIsWatched() {
    start("");
    stage("spark-a");
    stage("spark-b");
    create(driver("team-a", "spark-a", "Running"));
    create(driver("team-b", "spark-b", "Running"));

    phase("team-a", "spark-a", "Failed");
    client.pods().inNamespace("team-b").withName("spark-b-driver").delete();

    awaitReleased("spark-a");
    awaitReleased("spark-b");
  }

  @Test
  void podsThatAreNotDriversAreIgnored() {
    start(NS);
    stage("spark-exec");
    create(new PodBuilder(driver(NS, "spark-exec", "Running")).editMetadata().withName("spark-exec-1")
        .addToLabels("spark-role", "executor").endMetadata().build());
    stage("spark-marker");
    create(driver(NS, "spark-marker", "Running"));

    client.pods().inNamespace(NS).withName("spark-exec-1").delete();
    phase(NS, "spark-marker", "Succeeded");

    awaitReleased("spark-marker");
    assertThat(referenced("spark-exec")).isTrue();
  }
}
