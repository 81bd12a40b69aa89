package io.sparkube.submit.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.sparkube.model.config.Conf;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.submit.SubmitEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true, https = false)
class ConnectionSettingsTest {
  KubernetesMockServer server;
  KubernetesClient mockClient;

  @TempDir
  Path dir;

  @Test
  void masterWinsOverTheKubeconfigServerButItsCredentialsAreUsedAsSparkDoes() throws Exception {
    var kubeconfig = kubeconfig("https://elsewhere.invalid:6443", "kube-token");
    var settings = settings(Optional.of("k8s://" + mockUrl()), Map.of("KUBECONFIG", kubeconfig.toString()), Conf.empty());

    try (var client = ClusterConnector.connect(settings)) {
      client.pods().inNamespace("jobs").list();
    }

    var request = server.takeRequest();
    assertThat(request.getPath()).startsWith("/api/v1/namespaces/jobs/pods");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer kube-token");
  }

  @Test
  void kubeconfigAloneBehavesLikeKubectl() throws Exception {
    var kubeconfig = kubeconfig(mockUrl(), "kube-token");
    var settings = ConnectionSettings.of(Optional.empty(), Optional.of(kubeconfig.toString()), Optional.of("other"),
        Optional.empty(), Conf.empty(), env(Map.of()));

    try (var client = ClusterConnector.connect(settings)) {
      client.pods().list();
    }

    var request = server.takeRequest();
    assertThat(request.getPath()).startsWith("/api/v1/namespaces/from-context/pods");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer other-token");
  }

  @Test
  void submissionAuthSettingsOverrideTheKubeconfig() throws Exception {
    var tokenFile = Files.writeString(dir.resolve("token"), "file-token\n");
    var conf = Conf.of(Map.of(SubmissionAuthKeys.OAUTH_TOKEN_FILE.key(), tokenFile.toString()));
    var settings = settings(Optional.of("k8s://" + mockUrl()),
        Map.of("KUBECONFIG", kubeconfig(mockUrl(), "kube-token").toString()), conf);

    try (var client = ClusterConnector.connect(settings)) {
      client.pods().inNamespace("jobs").list();
    }

    assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer file-token");
  }

  @Test
  void bothTokenSettingsAreRefused() {
    var conf = Conf.of(Map.of(SubmissionAuthKeys.OAUTH_TOKEN.key(), "t", SubmissionAuthKeys.OAUTH_TOKEN_FILE.key(), "/f"));
    assertThatThrownBy(() -> SubmissionAuth.from(conf))
        .isInstanceOfSatisfying(SparkubeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.INVALID_CONFIG));
  }

  @Test
  void inClusterUsesTheServiceAccount() throws Exception {
    var account = Files.createDirectories(dir.resolve("sa"));
    Files.writeString(account.resolve("token"), "sa-token");
    Files.writeString(account.resolve("namespace"), "spark-jobs\n");
    var settings = settings(Optional.empty(), Map.of(), Conf.empty())
        .withInCluster(new InCluster(account, Optional.of("10.0.0.1"), Optional.of("443")));

    var config = ClusterConnector.config(settings);

    assertThat(config.getMasterUrl()).isEqualTo("https://10.0.0.1:443/");
    assertThat(config.getNamespace()).isEqualTo("spark-jobs");
    assertThat(config.getOauthTokenProvider().getToken()).isEqualTo("sa-token");
  }

  @Test
  void plainHttpForKubectlProxyAndDefaultNamespace() {
    var config = ClusterConnector.config(settings(Optional.of("k8s://http://127.0.0.1:8001"), Map.of(), Conf.empty()));

    assertThat(config.getMasterUrl()).isEqualTo("http://127.0.0.1:8001/");
    assertThat(config.getNamespace()).isEqualTo("default");
    assertThat(config.getRequestRetryBackoffLimit()).isEqualTo(3);
  }

  @Test
  void noClusterAtAllSaysWhatToPass() {
    assertThatThrownBy(() -> ClusterConnector.config(settings(Optional.empty(), Map.of(), Conf.empty())))
        .isInstanceOfSatisfying(SparkubeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.UNKNOWN_MASTER))
        .hasMessageContaining("--master k8s://https://");
  }

  @Test
  void aMissingKubeconfigFlagOrContextIsNamed() throws Exception {
    assertThatThrownBy(() -> ConnectionSettings.of(Optional.empty(), Optional.of("/nope/config"), Optional.empty(),
        Optional.empty(), Conf.empty(), env(Map.of())))
        .hasMessage("kubeconfig /nope/config does not exist; fix --kubeconfig");
    var settings = ConnectionSettings.of(Optional.empty(), Optional.of(kubeconfig(mockUrl(), "t").toString()),
        Optional.of("missing"), Optional.empty(), Conf.empty(), env(Map.of()));
    assertThatThrownBy(() -> ClusterConnector.config(settings)).hasMessageContaining("context missing");
  }

  @Test
  void sparksOwnContextSettingPicksTheContextWhenNoFlagDoes() throws Exception {
    var conf = Conf.of(Map.of("spark.kubernetes.context", "staging"));
    var settings = ConnectionSettings.of(Optional.empty(), Optional.of(kubeconfig(mockUrl(), "t").toString()),
        Optional.empty(), Optional.empty(), conf, env(Map.of()));
    assertThat(settings.context()).contains("staging");
    var flagWins = ConnectionSettings.of(Optional.empty(), Optional.of(kubeconfig(mockUrl(), "t").toString()),
        Optional.of("main"), Optional.empty(), conf, env(Map.of()));
    assertThat(flagWins.context()).contains("main");
  }

  @Test
  void submissionCredentialFilesMustBeReadableBeforeAnythingIsSent() {
    var conf = Conf.of(Map.of("spark.kubernetes.authenticate.submission.caCertFile", "/nope/ca.crt"));
    assertThatThrownBy(() -> SubmissionAuth.from(conf))
        .isInstanceOfSatisfying(SparkubeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.INVALID_CONFIG))
        .hasMessageContaining("/nope/ca.crt is not a readable file");
  }

  private ConnectionSettings settings(Optional<String> master, Map<String, String> vars, Conf conf) {
    var settings = ConnectionSettings.of(master, Optional.empty(), Optional.empty(), Optional.empty(), conf,
        env(withHome(vars)));
    return settings.withInCluster(new InCluster(dir.resolve("no-service-account"), Optional.empty(), Optional.empty()));
  }

  private Map<String, String> withHome(Map<String, String> vars) {
    var all = new java.util.HashMap<>(vars);
    all.put("HOME", dir.toString());
    return all;
  }

  private static SubmitEnvironment env(Map<String, String> vars) {
    return new SubmitEnvironment(vars, "ann", Path.of("."));
  }

  private String mockUrl() {
    return "http://" + server.getHostName() + ":" + server.getPort();
  }

  private Path kubeconfig(String server, String token) throws Exception {
    return Files.writeString(dir.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        current-context: main
        clusters:
        - name: c
          cluster: {server: "%s"}
        contexts:
        - name: main
          context: {cluster: c, user: u}
        - name: other
          context: {cluster: c, user: o, namespace: from-context}
        users:
        - name: u
          user: {token: %s}
        - name: o
          user: {token: other-token}
        """.formatted(server, token));
  }
}
