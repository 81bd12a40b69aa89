package io.sparkube.staging.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.model.error.SparkubeException;
import io.sparkube.staging.TestData;
import io.sparkube.staging.TestingStaging;
import io.sparkube.staging.client.StagedEntry;
import io.sparkube.staging.client.StagingClient;
import io.sparkube.staging.client.UploadProgress;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over TLS, from a PKCS12 keystore and from PEM files, with a certificate made by keytool. */
class TlsTest {
  private static final String PASSWORD = "changeit-staging";

  @TempDir
  Path dir;
  Path keyStore;
  Path passwordFile;
  KeyStore loaded;
  TestingStaging staging;

  @BeforeEach
  void makeCertificate() throws Exception {
    keyStore = dir.resolve("server.p12");
    var keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    var process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "staging", "-keyalg", "RSA", "-keysize",
        "2048", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
        .redirectErrorStream(true).start();
    var output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    passwordFile = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
    loaded = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      loaded.load(in, PASSWORD.toCharArray());
    }
  }

  @AfterEach
  void stop() {
    if (staging != null) {
      staging.close();
    }
  }

  private SSLContext trusting() throws Exception {
    var trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("staging", loaded.getCertificate("staging"));
    var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    var context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  /** Upload, reference and download over https, with the client trusting only this certificate. */
  private void roundTrip() throws Exception {
    var base = URI.create("https://localhost:" + staging.port());
    var ssl = trusting();
    var client = StagingClient.create(base, staging.tokenFile, ssl);
    var content = TestData.randomBytes(500_000, 13);

    var sha = client.upload(TestData.write(dir.resolve("tls.jar"), content), UploadProgress.NONE).sha256();
    var url = client.reference("job-tls", List.of(new StagedEntry(sha, "tls.jar"))).get(0).url();

    assertThat(url.getScheme()).isEqualTo("https");
    var http = HttpClient.newBuilder().sslContext(ssl).build();
    var download = http.send(HttpRequest.newBuilder(URI.create(base + url.getRawPath() + "?" + url.getRawQuery()))
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(content);
    var ranged = http.send(HttpRequest.newBuilder(URI.create(base + url.getRawPath() + "?" + url.getRawQuery()))
        .header("Range", "bytes=10-19").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(ranged.statusCode()).isEqualTo(206);
    assertThat(ranged.body()).isEqualTo(Arrays.copyOfRange(content, 10, 20));

    // A client that does not trust the certificate gets nowhere.
    var untrusting = StagingClient.create(base, staging.tokenFile);
    assertThatThrownBy(() -> untrusting.release("job-tls")).isInstanceOf(SparkubeException.class)
        .hasMessageContaining("cannot release job");
  }

  @Test
  void servesTlsFromAPkcs12KeyStore() throws Exception {
    staging = new TestingStaging(dir.resolve("p12"), Map.of("sparkube.staging.tls.keyStore", keyStore.toString(),
        "sparkube.staging.tls.keyStorePasswordFile", passwordFile.toString(),
        "sparkube.staging.externalUri", "https://localhost:1")).start();

    roundTrip();
  }

  @Test
  void servesTlsFromPemFiles() throws Exception {
    var cert = Files.writeString(dir.resolve("tls.crt"), pem("CERTIFICATE", loaded.getCertificate("staging").getEncoded()));
    var key = Files.writeString(dir.resolve("tls.key"),
        pem("PRIVATE KEY", loaded.getKey("staging", PASSWORD.toCharArray()).getEncoded()));
    staging = new TestingStaging(dir.resolve("pem"), Map.of("sparkube.staging.tls.certFile", cert.toString(),
        "sparkube.staging.tls.keyFile", key.toString())).start();

    assertThat(staging.server.baseUris().external().getScheme()).isEqualTo("https");
    roundTrip();
  }

  @Test
  void aWrongKeyStorePasswordFailsAtStartNamingTheSettings() throws Exception {
    var wrong = Files.writeString(dir.resolve("wrong"), "not-the-password");
    var settings = Map.of("sparkube.staging.tls.keyStore", keyStore.toString(),
        "sparkube.staging.tls.keyStorePasswordFile", wrong.toString());

    assertThatThrownBy(() -> new TestingStaging(dir.resolve("wrong-pw"), settings).start())
        .isInstanceOf(SparkubeException.class).hasMessageContaining("TLS settings");
  }

  @Test
  void aMissingCertificateFileFailsNamingItsSetting() {
    var settings = Map.of("sparkube.staging.tls.certFile", dir.resolve("none.crt").toString(),
        "sparkube.staging.tls.keyFile", dir.resolve("none.key").toString());

    assertThatThrownBy(() -> new TestingStaging(dir.resolve("missing"), settings).start())
        .isInstanceOf(SparkubeException.class).hasMessageContaining("sparkube.staging.tls.certFile=");
  }
}
