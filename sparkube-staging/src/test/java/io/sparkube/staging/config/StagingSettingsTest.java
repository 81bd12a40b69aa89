package io.sparkube.staging.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.model.config.Conf;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.staging.StagingServerMain;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingSettingsTest {
  static final Map<String, String> REQUIRED = Map.of("sparkube.staging.dir", "/var/lib/staging",
      "sparkube.staging.tokenFile", "/etc/staging/token", "sparkube.staging.signingKeyFile", "/etc/staging/key");

  static StagingSettings read(Map<String, String> extra) {
    var all = new HashMap<>(REQUIRED);
    all.putAll(extra);
    return StagingSettings.read(Conf.of(all));
  }

  static void assertInvalid(Map<String, String> extra, String... fragments) {
    var all = new HashMap<>(REQUIRED);
    all.putAll(extra);
    all.values().removeIf(v -> v.equals("<unset>"));
    var thrown = assertThatThrownBy(() -> StagingSettings.read(Conf.of(all)))
        .isInstanceOfSatisfying(SparkubeException.class, e -> {
          assertThat(e.failure()).isEqualTo(Failure.INVALID_CONFIG);
          assertThat(e.getMessage()).doesNotContain("\n");
        });
    for (var fragment : fragments) {
      thrown.hasMessageContaining(fragment);
    }
  }

  @Test
  void defaults() {
    var settings = read(Map.of());

    assertThat(settings.host()).isEqualTo("0.0.0.0");
    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.dir()).isEqualTo(Path.of("/var/lib/staging"));
    assertThat(settings.tls()).isEqualTo(new Tls.None());
    assertThat(settings.maxBlobBytes()).isEqualTo(2L << 30);
    assertThat(settings.maxStoreBytes()).isEmpty();
    assertThat(settings.retention()).isEqualTo(Duration.ofHours(1));
    assertThat(settings.urlTtl()).isEqualTo(Duration.ofHours(24));
    assertThat(settings.externalUri()).isEmpty();
    assertThat(settings.internalUri()).isEmpty();
    assertThat(settings.receiveBufferBytes()).isEqualTo(1 << 20);
  }

  @Test
  void valuesWithUnits() {
    var settings = read(Map.of("sparkube.staging.maxBlobBytes", "512m", "sparkube.staging.maxStoreBytes", "20g",
        "sparkube.staging.retention", "30min", "sparkube.staging.urlTtl", "2d",
        "sparkube.staging.externalUri", "https://staging.example.com",
        "sparkube.staging.internalUri", "http://sparkube-staging.sparkube.svc:8080",
        "sparkube.staging.receiveBufferBytes", "8m"));

    assertThat(settings.maxBlobBytes()).isEqualTo(512L << 20);
    assertThat(settings.maxStoreBytes()).hasValue(20L << 30);
    assertThat(settings.retention()).isEqualTo(Duration.ofMinutes(30));
    assertThat(settings.urlTtl()).isEqualTo(Duration.ofDays(2));
    assertThat(settings.externalUri()).hasValue(URI.create("https://staging.example.com"));
    assertThat(settings.internalUri()).isEqualTo(Optional.of(URI.create("http://sparkube-staging.sparkube.svc:8080")));
    assertThat(settings.receiveBufferBytes()).isEqualTo(8 << 20);
  }

  @Test
  void tlsFromPemOrKeyStore() {
    assertThat(read(Map.of("sparkube.staging.tls.certFile", "/c", "sparkube.staging.tls.keyFile", "/k")).tls())
        .isEqualTo(new Tls.Pem(Path.of("/c"), Path.of("/k")));
    assertThat(read(Map.of("sparkube.staging.tls.keyStore", "/s", "sparkube.staging.tls.keyStorePasswordFile", "/p"))
        .tls()).isEqualTo(new Tls.Pkcs12(Path.of("/s"), Path.of("/p")));
  }

  @Test
  void badValuesFailNamingTheKey() {
    assertInvalid(Map.of("sparkube.staging.dir", "<unset>"), "sparkube.staging.dir is not set");
    assertInvalid(Map.of("sparkube.staging.tokenFile", "<unset>"), "sparkube.staging.tokenFile is not set");
    assertInvalid(Map.of("sparkube.staging.signingKeyFile", "<unset>"), "sparkube.staging.signingKeyFile");
    assertInvalid(Map.of("sparkube.staging.port", "http"), "sparkube.staging.port=http");
    assertInvalid(Map.of("sparkube.staging.port", "70000"), "sparkube.staging.port=70000");
    assertInvalid(Map.of("sparkube.staging.maxBlobBytes", "2x"), "sparkube.staging.maxBlobBytes=2x");
    assertInvalid(Map.of("sparkube.staging.maxBlobBytes", "0"), "sparkube.staging.maxBlobBytes=0");
    assertInvalid(Map.of("sparkube.staging.retention", "soon"), "sparkube.staging.retention=soon");
    assertInvalid(Map.of("sparkube.staging.urlTtl", "10ms"), "sparkube.staging.urlTtl");
    assertInvalid(Map.of("sparkube.staging.externalUri", "staging:8080"), "sparkube.staging.externalUri");
    assertInvalid(Map.of("sparkube.staging.internalUri", "ftp://x"), "sparkube.staging.internalUri");
    assertInvalid(Map.of("sparkube.staging.receiveBufferBytes", "4k"), "sparkube.staging.receiveBufferBytes=4096",
        "between 64KiB and 64MiB");
    assertInvalid(Map.of("sparkube.staging.prot", "1"), "sparkube.staging.prot is not a staging setting");
  }

  @Test
  void theJobWatchIsOffByDefaultAndReadsItsNamespacesAndGrace() {
    assertThat(read(Map.of()).jobs()).isEqualTo(new JobWatchSettings(false, List.of(), Duration.ofMinutes(5),
        Duration.ofMinutes(1)));

    var jobs = read(Map.of("sparkube.staging.jobs.watch", "true", "sparkube.staging.jobs.namespaces", "team-a, team-b",
        "sparkube.staging.jobs.grace", "2m", "sparkube.staging.jobs.resyncInterval", "10s")).jobs();

    assertThat(jobs).isEqualTo(new JobWatchSettings(true, List.of("team-a", "team-b"), Duration.ofMinutes(2),
        Duration.ofSeconds(10)));
    assertThat(jobs.allNamespaces()).isFalse();
    assertThat(read(Map.of("sparkube.staging.jobs.namespaces", "")).jobs().allNamespaces()).isTrue();
  }

  @Test
  void badJobWatchValuesFailNamingTheKey() {
    assertInvalid(Map.of("sparkube.staging.jobs.watch", "yes"), "sparkube.staging.jobs.watch=yes");
    assertInvalid(Map.of("sparkube.staging.jobs.namespaces", "Team_A"), "sparkube.staging.jobs.namespaces",
        "DNS-1123 label");
    assertInvalid(Map.of("sparkube.staging.jobs.grace", "0"), "sparkube.staging.jobs.grace=0", "positive");
    assertInvalid(Map.of("sparkube.staging.jobs.resyncInterval", "often"), "sparkube.staging.jobs.resyncInterval");
  }

  @Test
  void tlsSettingsMustComeInPairs() {
    assertInvalid(Map.of("sparkube.staging.tls.certFile", "/c"), "go together");
    assertInvalid(Map.of("sparkube.staging.tls.keyStore", "/s"), "go together");
    assertInvalid(Map.of("sparkube.staging.tls.certFile", "/c", "sparkube.staging.tls.keyFile", "/k",
        "sparkube.staging.tls.keyStore", "/s"), "either");
  }

  @Test
  void theEntryPointReadsAFileAndSystemPropertiesWin(@TempDir Path dir) throws Exception {
    var file = Files.writeString(dir.resolve("staging.properties"),
        "sparkube.staging.dir=/from/file\nsparkube.staging.port=9000\n");
    var system = new Properties();
    system.setProperty("sparkube.staging.port", "9100");
    system.setProperty("java.version", "17");

    var conf = StagingServerMain.conf(List.of(file.toString()), system);

    assertThat(conf.asMap()).containsEntry("sparkube.staging.dir", "/from/file")
        .containsEntry("sparkube.staging.port", "9100").doesNotContainKey("java.version");
  }
}
