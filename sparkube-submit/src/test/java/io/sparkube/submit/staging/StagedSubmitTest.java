package io.sparkube.submit.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.local.api.LocalApiServer;
import io.sparkube.model.config.Conf;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.staging.config.StagingSettings;
import io.sparkube.staging.http.StagingServer;
import io.sparkube.staging.signing.SecretFiles;
import io.sparkube.submit.LocalClusterTarget;
import io.sparkube.submit.RecordingReporter;
import io.sparkube.submit.SubmitEnvironment;
import io.sparkube.submit.SubmitOutcome;
import io.sparkube.submit.SubmitService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sparkube submit with local files: uploaded to a real staging server and rewritten to signed URLs. */
class StagedSubmitTest {
  @TempDir
  Path dir;

  private StagingServer staging;
  private LocalApiServer api;
  private Path token;
  private final RecordingReporter reporter = new RecordingReporter();

  @BeforeEach
  void start() throws Exception {
    token = SecretFiles.createToken(dir.resolve("token"));
    var key = SecretFiles.createSigningKey(dir.resolve("signing-key"));
    staging = StagingServer.start(StagingSettings.read(Conf.of(Map.of("sparkube.staging.host", "127.0.0.1",
        "sparkube.staging.port", "0", "sparkube.staging.dir", dir.resolve("store").toString(),
        "sparkube.staging.tokenFile", token.toString(), "sparkube.staging.signingKeyFile", key.toString()))),
        Clock.systemUTC());
    api = LocalApiServer.start();
  }

  @AfterEach
  void stop() {
    api.close();
    staging.close();
  }

  private SubmitOutcome submit(String... extra) throws Exception {
    var argv = new ArrayList<>(List.of("--master", "k8s://" + api.url(), "--deploy-mode", "cluster",
        "--class", "Main", "--conf", "spark.kubernetes.container.image=apache/spark:4.0.2", "--no-wait",
        "--conf", "spark.sparkube.staging.uri=http://127.0.0.1:" + staging.port(),
        "--conf", "spark.sparkube.staging.tokenFile=" + token));
    argv.addAll(List.of(extra));
    return new SubmitService(reporter, Clock.systemUTC()).submit(argv,
        new SubmitEnvironment(Map.of(), "alice", dir));
  }

  @Test
  void localJarsAndFilesReachTheDriverAsSignedUrlsThatServeTheirBytes() throws Exception {
    var jar = Files.writeString(dir.resolve("app.jar"), "not really a jar");
    var input = Files.writeString(dir.resolve("words.txt"), "the cat sat\n");
    var archive = Files.writeString(dir.resolve("env.zip"), "zip");

    assertThat(submit("--files", input.toString(), "--archives", archive + "#env", jar.toString()))
        .isInstanceOf(SubmitOutcome.Submitted.class);

    var properties = new Properties();
    try (var client = api.newClient()) {
      var configMap = client.configMaps().list().getItems().stream()
          .filter(cm -> cm.getData() != null && cm.getData().containsKey("spark.properties")).findFirst().orElseThrow();
      properties.load(new java.io.StringReader(configMap.getData().get("spark.properties")));
    }
    var files = properties.getProperty("spark.files");
    assertThat(files).startsWith("http://127.0.0.1:" + staging.port() + "/v1/files/").contains("/words.txt?");
    assertThat(properties.getProperty("spark.jars")).contains("/app.jar?");
    assertThat(properties.getProperty("spark.archives")).contains("/env.zip?").endsWith("#env");
    var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    var fetched = http.send(HttpRequest.newBuilder(URI.create(files)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(fetched.body()).isEqualTo("the cat sat\n");
    assertThat(reporter.infos).contains("uploaded words.txt (12 bytes)");
  }

  /** With no cluster named, the local cluster is used, and so is its staging server unless the job names one. */
  @Test
  void onTheLocalClusterItsStagingServerIsUsedUnlessTheJobNamesAnother() throws Exception {
    var kubeconfig = Files.writeString(dir.resolve("kubeconfig"), String.join("\n", "apiVersion: v1", "kind: Config",
        "clusters: [{name: local, cluster: {server: '" + api.url() + "'}}]",
        "contexts: [{name: local, context: {cluster: local, user: local, namespace: default}}]",
        "current-context: local", "users: [{name: local, user: {}}]", ""));
    var local = new LocalClusterTarget(kubeconfig, Map.of(StagingSubmitKeys.URI.key(),
        "http://127.0.0.1:" + staging.port(), StagingSubmitKeys.TOKEN_FILE.key(), token.toString()));
    var jar = Files.writeString(dir.resolve("app.jar"), "not really a jar");
    var service = new SubmitService(reporter, Clock.systemUTC(), java.util.Optional.of(() -> local));
    var env = new SubmitEnvironment(Map.of("HOME", dir.toString()), "alice", dir);
    var argv = List.of("--deploy-mode", "cluster", "--class", "Main", "--no-wait",
        "--conf", "spark.kubernetes.container.image=apache/spark:4.0.2", jar.toString());

    assertThat(service.submit(argv, env)).isInstanceOf(SubmitOutcome.Submitted.class);
    assertThat(reporter.infos).contains("uploaded app.jar (16 bytes)");

    var named = new ArrayList<>(argv);
    named.addAll(0, List.of("--conf", StagingSubmitKeys.URI.key() + "=http://127.0.0.1:9"));
    assertThatThrownBy(() -> service.submit(named, env)).hasMessageContaining("127.0.0.1:9")
        .satisfies(e -> assertThat(((SparkubeException) e).failure()).isEqualTo(Failure.STAGING_UNREACHABLE));
  }

  @Test
  void aWrongTokenIsRefusedWithItsOwnExitCodeAndCreatesNothing() throws Exception {
    var jar = Files.writeString(dir.resolve("app.jar"), "jar");
    var wrong = Files.writeString(dir.resolve("wrong-token"), "not-the-token");

    assertThatThrownBy(() -> submit("--conf", "spark.sparkube.staging.tokenFile=" + wrong, jar.toString()))
        .hasMessageContaining("HTTP 401")
        .satisfies(e -> assertThat(((SparkubeException) e).failure()).isEqualTo(Failure.STAGING_REFUSED));
    try (var client = api.newClient()) {
      assertThat(client.pods().list().getItems()).isEmpty();
    }
  }

  @Test
  void aMissingLocalFileFailsBeforeAnythingIsUploadedOrCreated() throws Exception {
    var input = Files.writeString(dir.resolve("words.txt"), "the cat sat\n");

    assertThatThrownBy(() -> submit("--files", input + "," + dir.resolve("missing.txt"), "local:///opt/app.jar"))
        .isInstanceOf(SparkubeException.class)
        .hasMessageContaining("missing.txt is not a readable file on this machine");

    assertThat(reporter.infos).noneMatch(line -> line.startsWith("uploaded"));
    try (var client = api.newClient()) {
      assertThat(client.pods().list().getItems()).isEmpty();
    }
  }

  @Test
  void withoutAStagingServerEachKindOfLocalFileIsRefusedWithTheFixBeforeAnythingIsCreated() throws Exception {
    var jar = Files.writeString(dir.resolve("app.jar"), "jar");
    refusedWithoutServer("the primary resource file:" + jar, jar.toString());
    refusedWithoutServer("spark.files file:" + dir.resolve("data.csv"), "--files", "data.csv", "local:///opt/app.jar");
    refusedWithoutServer("spark.jars file:/opt/lib.jar", "--conf", "spark.jars=/opt/lib.jar", "local:///opt/app.jar");
    try (var client = api.newClient()) {
      assertThat(client.pods().list().getItems()).isEmpty();
    }
  }

  private void refusedWithoutServer(String named, String... args) {
    var argv = new ArrayList<>(List.of("--master", "k8s://" + api.url(), "--deploy-mode", "cluster", "--class", "Main",
        "--conf", "spark.kubernetes.container.image=apache/spark:4.0.2"));
    argv.addAll(List.of(args));
    assertThatThrownBy(() -> new SubmitService(reporter, Clock.systemUTC()).submit(argv,
        new SubmitEnvironment(Map.of(), "alice", dir)))
        .isInstanceOf(SparkubeException.class)
        .hasMessageContaining(named + " is on this machine and no staging server is set to upload it to; set"
            + " spark.sparkube.staging.uri")
        .hasMessageContaining("use local://");
  }
}
