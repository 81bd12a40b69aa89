package io.sparkube.jobruns.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.sparkube.jobruns.TestingApi;
import io.sparkube.model.error.SparkubeException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.emrcontainers.EmrContainersClient;

/** The API over TLS from PEM files, with a certificate keytool makes, as the AWS SDK reaches it. */
@EnableKubernetesMockClient(crud = true)
class TlsTest {
  static final String PASSWORD = "changeit";

  KubernetesClient client;
  @TempDir
  Path dir;
  TestingApi api;

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void theAwsSdkWorksOverHttpsFromPemFiles() throws Exception {
    var keyStore = certificate();
    var cert = Files.writeString(dir.resolve("tls.crt"), pem("CERTIFICATE",
        keyStore.getCertificate("api").getEncoded()));
    var key = Files.writeString(dir.resolve("tls.key"), pem("PRIVATE KEY",
        keyStore.getKey("api", PASSWORD.toCharArray()).getEncoded()));
    api = new TestingApi(client, dir, Map.of("sparkube.jobruns.tls.certFile", cert.toString(),
        "sparkube.jobruns.tls.keyFile", key.toString()), Clock.systemUTC()).start();
    var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keyStore);

    try (var emr = EmrContainersClient.builder()
        .endpointOverride(URI.create("https://127.0.0.1:" + api.port()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(TestingApi.ACCESS_KEY,
            TestingApi.SECRET_KEY)))
        .httpClient(UrlConnectionHttpClient.builder().tlsTrustManagersProvider(trust::getTrustManagers).build())
        .build()) {
      assertThat(emr.listVirtualClusters(r -> { }).virtualClusters()).isEmpty();
    }
  }

  @Test
  void aMissingCertificateFileFailsNamingItsSetting() {
    var settings = Map.of("sparkube.jobruns.tls.certFile", dir.resolve("none.crt").toString(),
        "sparkube.jobruns.tls.keyFile", dir.resolve("none.key").toString());

    assertThatThrownBy(() -> new TestingApi(client, dir, settings, Clock.systemUTC()).start())
        .isInstanceOf(SparkubeException.class).hasMessageContaining("sparkube.jobruns.tls.certFile=");
  }

  private KeyStore certificate() throws Exception {
    var file = dir.resolve("api.p12");
    var keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    var process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "api", "-keyalg", "RSA", "-keysize", "2048",
        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
    var output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    var keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      keyStore.load(in, PASSWORD.toCharArray());
    }
    return keyStore;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
