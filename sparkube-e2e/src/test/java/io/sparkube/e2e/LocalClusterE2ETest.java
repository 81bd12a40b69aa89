package io.sparkube.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.sparkube.local.image.ExamplesJar;
import io.sparkube.staging.client.StagingClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real Spark on the local cluster: images built from Maven Central's jars, the cluster started
 * with sparkube local up, jobs submitted with sparkube submit (no kubeconfig: the local cluster is
 * the default), and by Spark's own spark-submit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalClusterE2ETest {
  private static final String STAGING_RETENTION = "3s";

  private Cli cli;
  private KubernetesClient client;

  @BeforeAll
  void up() throws IOException {
    cli = new Cli(Path.of("..").toAbsolutePath().normalize(), Files.createTempDirectory("sparkube-e2e"));
    for (var release : Jobs.RELEASES) {
      var build = cli.run("local", "image", "build", "--spark", release);
      assertThat(build.exitCode()).as(build.err()).isZero();
    }
    // A short retention, so the test sees staged files deleted once their job ends.
    var up = cli.run("local", "up", "--staging-retention", STAGING_RETENTION);
    assertThat(up.exitCode()).as(up.err()).isZero();
    client = new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(null, cli.kubeconfig().toFile())).build();
  }

  @AfterAll
  void down() {
    if (client != null) {
      client.close();
    }
    var down = cli.run("local", "down");
    assertThat(down.exitCode()).as(down.err()).isZero();
    assertThat(cli.clusterProcesses()).as("processes left behind").isEmpty();
    cli.deleteHome();
  }

  /**
   * Each line's driver runs as its own ServiceAccount, with only the Role submit created, so the
   * cluster's audit log shows exactly what Spark's driver asked for: nothing was refused, and
   * nothing granted went unasked but the single-pod delete that only failed executors need.
   */
  @ParameterizedTest
  @ValueSource(strings = {"3.5.6", "4.0.2", "4.1.0"})
  void sparkPiRunsWithTwoExecutorsOnEachLineWithOnlyItsRole(String release) throws IOException {
    var name = "pi-" + release.replace('.', '-');
    var account = "driver-" + release.replace('.', '-');
    client.serviceAccounts().resource(new io.fabric8.kubernetes.api.model.ServiceAccountBuilder().withNewMetadata()
        .withName(account).endMetadata().build()).serverSideApply();
    var run = cli.run(Jobs.submit(release, name, "org.apache.spark.examples.SparkPi",
        List.of("--conf", "spark.kubernetes.authenticate.driver.serviceAccountName=" + account), "20")
        .toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("2 running").contains("exited with code 0");
    assertThat(driverLog(name)).contains("Pi is roughly 3.1");

    var decisions = AuditLog.read(cli.sparkubeHome().resolve("local/api/audit.jsonl"),
        "system:serviceaccount:default:" + account);
    assertThat(decisions.denied()).as("refused calls").isEmpty();
    assertThat(decisions.allowed()).as("calls made").contains(
        "get pods", "list pods", "watch pods", "create pods", "deletecollection pods",
        "create configmaps", "deletecollection configmaps", "deletecollection services");
    var granted = new java.util.HashSet<>(List.of("get pods", "list pods", "watch pods", "create pods",
        "delete pods", "deletecollection pods", "create configmaps", "deletecollection configmaps",
        "deletecollection services"));
    granted.removeAll(decisions.allowed());
    assertThat(granted).as("granted but unused").isSubsetOf("delete pods");
  }

  @Test
  void twoJobsRunAtOnce() {
    var first = CompletableFuture.supplyAsync(() -> cli.run(Jobs.submit("3.5.6", "together-a",
        "org.apache.spark.examples.SparkPi", List.of(), "10").toArray(String[]::new)));
    var second = CompletableFuture.supplyAsync(() -> cli.run(Jobs.submit("4.0.2", "together-b",
        "org.apache.spark.examples.SparkPi", List.of(), "10").toArray(String[]::new)));

    for (var run : List.of(first.join(), second.join())) {
      assertThat(run.exitCode()).as(run.err()).isZero();
    }
    assertThat(driverLog("together-a")).contains("Pi is roughly");
    assertThat(driverLog("together-b")).contains("Pi is roughly");
  }

  @Test
  void aFailingDriverIsReportedAndItsExecutorsAreCleanedUp() {
    var run = cli.run(Jobs.submit("4.0.2", "fails", "io.sparkube.examples.WordCount", List.of(),
        "no-such-file.txt").toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isNotZero();
    assertThat(run.err()).contains("Failed");
    var appId = appIdOf("fails");
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(executorsOf(appId)).isEmpty());
  }

  @Test
  void killDuringARunLeavesNothing() {
    var run = cli.run(Jobs.submit("3.5.6", "killed", "org.apache.spark.examples.SparkPi",
        List.of("--no-wait"), "100000").toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    var id = run.out().trim();
    var appId = appIdOf("killed");
    await().atMost(Duration.ofMinutes(2)).until(() -> executorsOf(appId).stream()
        .anyMatch(p -> "Running".equals(p.getStatus().getPhase())));

    var kill = cli.run("kill", id);

    assertThat(kill.exitCode()).as(kill.err()).isZero();
    await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
      assertThat(client.pods().withLabel("spark-app-selector", appId).list().getItems()).isEmpty();
      assertThat(client.services().list().getItems()).noneMatch(s -> s.getMetadata().getName().startsWith("killed-"));
      assertThat(client.configMaps().list().getItems())
          .noneMatch(c -> c.getMetadata().getOwnerReferences().stream().anyMatch(o -> o.getName().startsWith("killed-")));
    });
  }

  @Test
  void wordCountReadsAFilePassedWithFiles() throws IOException {
    var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    var text = "spark on kubernetes\nspark without the glue\n".getBytes(StandardCharsets.UTF_8);
    server.createContext("/words.txt", exchange -> {
      exchange.sendResponseHeaders(200, text.length);
      exchange.getResponseBody().write(text);
      exchange.close();
    });
    server.start();
    try {
      var url = "http://127.0.0.1:" + server.getAddress().getPort() + "/words.txt";
      var run = cli.run(Jobs.submit("4.1.0", "words", "io.sparkube.examples.WordCount", List.of("--files", url),
          "words.txt").toArray(String[]::new));

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(driverLog("words")).contains("spark: 2").contains("kubernetes: 1");
    } finally {
      server.stop(0);
    }
  }

  /**
   * The job's jar and its input exist only on this machine (the pods' /tmp is their own): submit
   * stages both on the local cluster's staging server, the driver loads the class and the executors
   * read the file through signed URLs, and once the job ends the blobs go after the retention.
   */
  @Test
  void aJarAndAFileOnlyOnThisMachineAreStagedReadByExecutorsAndDeletedAfterTheJob() throws IOException {
    var dir = Files.createTempDirectory("staged-job");
    var jar = Files.copy(ExamplesJar.locate(cli.repo()), dir.resolve("word-count-app.jar"));
    var words = Files.writeString(dir.resolve("staged-words.txt"), "staged files reach executors\nstaged and gone\n");
    var args = List.of("submit", "--deploy-mode", "cluster", "--name", "staged", "--class", "io.sparkube.examples.WordCount",
        "--conf", "spark.executor.instances=2", "--conf", "spark.executor.memory=1g",
        "--conf", "spark.kubernetes.container.image=apache/spark:4.0.2",
        "--files", words.toString(), jar.toString(), "staged-words.txt", "4");

    var run = cli.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("uploaded word-count-app.jar").contains("uploaded staged-words.txt");
    assertThat(driverLog("staged")).contains("staged: 2").contains("Counted 7 words, 6 distinct, in staged-words.txt");
    var blobs = StagedBlobs.of(cli);
    var probe = Files.writeString(dir.resolve("probe.txt"), "a blob no job references");
    StagingClient.create(blobs.base(), cli.sparkubeHome().resolve("local/staging/token")).upload(probe, (sent, total) -> { });
    assertThat(blobs.stored(StagingClient.sha256(probe))).as("a blob just uploaded is seen").isTrue();
    var shas = List.of(StagingClient.sha256(jar), StagingClient.sha256(words));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shas).noneMatch(blobs::stored));
  }

  /**
   * A job run through the local cluster's job-runs API (EMR on EKS's StartJobRun), as its CLI front
   * end sends it: the operator submits it in-process and follows its driver to COMPLETED.
   */
  @Test
  void aJobRunStartedThroughTheApiRunsToCompletion() {
    var run = cli.run("jobs", "start", "--wait", "--name", "api-pi", "--release-label", "emr-spark-8.0.0-latest",
        "--execution-role-arn", "arn:aws:iam::111122223333:role/api-pi",
        "--class", "org.apache.spark.examples.SparkPi", "--conf", "spark.executor.instances=1",
        Jobs.examplesJar("4.0.2"), "10");

    assertThat(run.exitCode()).as(run.err()).isZero();
    var id = run.out().trim();
    assertThat(run.err()).contains(id + " COMPLETED");
    var described = cli.run("jobs", "describe", id);
    assertThat(described.out()).containsPattern("state:\\s+COMPLETED");
    var driver = client.pods().withLabel("sparkube.io/application", id).list().getItems();
    assertThat(driver).singleElement().satisfies(pod ->
        assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("spark-api-pi"));
    var logs = cli.run("logs", "default:" + driver.get(0).getMetadata().getName());
    assertThat(logs.out()).contains("Pi is roughly");
  }

  /** A job not followed releases its files too: the staging server sees its driver end. */
  @Test
  void theFilesOfANoWaitJobAreDeletedOnceItsDriverEndsAndTheRetentionPasses() throws IOException {
    var dir = Files.createTempDirectory("staged-no-wait");
    var jar = Files.copy(ExamplesJar.locate(cli.repo()), dir.resolve("no-wait-app.jar"));
    var words = Files.writeString(dir.resolve("no-wait-words.txt"), "nobody waits for this job\n");
    var run = cli.run("submit", "--deploy-mode", "cluster", "--name", "unfollowed", "--no-wait",
        "--class", "io.sparkube.examples.WordCount", "--conf", "spark.executor.instances=1",
        "--conf", "spark.executor.memory=1g", "--conf", "spark.kubernetes.container.image=apache/spark:4.0.2",
        "--files", words.toString(), jar.toString(), "no-wait-words.txt");
    assertThat(run.exitCode()).as(run.err()).isZero();
    var blobs = StagedBlobs.of(cli);
    var input = StagingClient.sha256(words);
    assertThat(blobs.stored(input)).as("referenced by a job that has not ended").isTrue();

    var driver = driverOf("unfollowed");
    await().atMost(Duration.ofMinutes(3)).until(() -> driverOf("unfollowed").map(p -> p.getStatus().getPhase())
        .filter(phase -> phase.equals("Succeeded") || phase.equals("Failed")).isPresent());
    assertThat(driverOf("unfollowed").orElseThrow().getStatus().getPhase()).isEqualTo("Succeeded");
    assertThat(driverLog("unfollowed")).contains("Counted 5 words");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(blobs.stored(input)).isFalse());
    assertThat(driver).isPresent();
  }

  /** As Spark's docs say: the driver needs a ServiceAccount allowed to manage pods; spark-submit makes none. */
  @Test
  void sparksOwnSparkSubmitSubmitsToTheLocalCluster() throws IOException {
    client.serviceAccounts().resource(new io.fabric8.kubernetes.api.model.ServiceAccountBuilder().withNewMetadata()
        .withName("spark").endMetadata().build()).serverSideApply();
    client.resource(new io.fabric8.kubernetes.api.model.rbac.RoleBuilder().withNewMetadata().withName("spark-driver")
        .endMetadata()
        .addNewRule().withApiGroups("").withResources("pods", "configmaps", "services").withVerbs("*").endRule()
        .build()).serverSideApply();
    client.resource(new io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder().withNewMetadata()
        .withName("spark-driver").endMetadata()
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName("spark-driver").endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName("spark").withNamespace("default").endSubject()
        .build()).serverSideApply();
    var jars = cli.repo().resolve("spark-runtimes/spark-3.5/target/jars");
    var command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", jars + "/*",
        "org.apache.spark.deploy.SparkSubmit", "--master", "k8s://https://127.0.0.1:443", "--deploy-mode", "cluster",
        "--name", "own-submit", "--class", "org.apache.spark.examples.SparkPi",
        "--conf", "spark.kubernetes.container.image=apache/spark:3.5.6",
        "--conf", "spark.executor.instances=1",
        "--conf", "spark.kubernetes.authenticate.driver.serviceAccountName=spark",
        Jobs.examplesJar("3.5.6"), "10"));
    var env = new java.util.HashMap<>(cli.environment());
    env.put("KUBECONFIG", cli.kubeconfig().toString());

    var run = Cli.exec(command, env);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(driverLog("own-submit")).contains("Pi is roughly");
  }

  /** Executors are named after the app name the job sets itself, so they are found by app id. */
  private String appIdOf(String submittedName) {
    await().atMost(Duration.ofSeconds(30)).until(() -> driverOf(submittedName).isPresent());
    return driverOf(submittedName).orElseThrow().getMetadata().getLabels().get("spark-app-selector");
  }

  private java.util.Optional<io.fabric8.kubernetes.api.model.Pod> driverOf(String submittedName) {
    return client.pods().withLabel("spark-role", "driver").list().getItems().stream()
        .filter(p -> p.getMetadata().getName().startsWith(submittedName + "-")).findFirst();
  }

  private List<io.fabric8.kubernetes.api.model.Pod> executorsOf(String appId) {
    return client.pods().withLabel("spark-app-selector", appId).withLabel("spark-role", "executor").list().getItems();
  }

  private String driverLog(String appName) {
    var driver = client.pods().withLabel("spark-role", "driver").list().getItems().stream()
        .filter(p -> p.getMetadata().getName().startsWith(appName + "-")).findFirst().orElseThrow();
    var logs = cli.run("logs", "default:" + driver.getMetadata().getName());
    assertThat(logs.exitCode()).as(logs.err()).isZero();
    return logs.out();
  }
}
