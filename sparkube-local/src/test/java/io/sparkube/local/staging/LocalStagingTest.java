package io.sparkube.local.staging;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkube.local.api.LocalApiServer;
import io.sparkube.local.cluster.ClusterHome;
import io.sparkube.staging.config.StagingKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStagingTest {
  @TempDir
  Path dir;

  private final LocalApiServer api = LocalApiServer.start();

  @org.junit.jupiter.api.AfterEach
  void stopApi() {
    api.close();
  }

  private ClusterHome home() {
    return new ClusterHome(dir.resolve("local"), dir.resolve("images"));
  }

  @Test
  void servesOnLoopbackPublishesItsUriAndWithdrawsItWhenClosed() throws Exception {
    var home = home();
    URI uri;
    try (var staging = LocalStaging.start(home, api.newClient(), new Properties(), Clock.systemUTC())) {
      uri = staging.uri();
      assertThat(uri.getScheme()).isEqualTo("http");
      assertThat(uri.getHost()).isEqualTo("127.0.0.1");
      assertThat(LocalStaging.published(home)).contains(uri);
      assertThat(get(uri.resolve("/healthz"))).isEqualTo(200);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.stagingTokenFile())))
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.stagingSigningKeyFile())))
          .isEqualTo("rw-------");
    }
    assertThat(LocalStaging.published(home)).isEmpty();
  }

  @Test
  void keepsItsSecretsAcrossRestartsSoUrlsAndBlobsOutliveThem() throws IOException {
    var home = home();
    try (var first = LocalStaging.start(home, api.newClient(), new Properties(), Clock.systemUTC())) {
      assertThat(first.uri()).isNotNull();
    }
    var token = Files.readString(home.stagingTokenFile());
    var key = Files.readString(home.stagingSigningKeyFile());
    try (var second = LocalStaging.start(home, api.newClient(), new Properties(), Clock.systemUTC())) {
      assertThat(Files.readString(home.stagingTokenFile())).isEqualTo(token);
      assertThat(Files.readString(home.stagingSigningKeyFile())).isEqualTo(key);
    }
  }

  @Test
  void aShortRetentionIsCleanedWithinItsOwnLengthAndALongOneEveryMinute() {
    assertThat(cleanIntervalFor("retention", "3s")).isEqualTo(3_000L);
    assertThat(cleanIntervalFor("retention", "0s")).isEqualTo(1_000L);
    assertThat(cleanIntervalFor("retention", "2h")).isEqualTo(60_000L);
    assertThat(cleanIntervalFor("cleanInterval", "7s")).isEqualTo(7_000L);
  }

  @Test
  void propertiesOverrideTheLocalDefaultsButOthersAreIgnored() {
    var overrides = new Properties();
    overrides.setProperty(StagingKeys.URL_TTL_MS.key(), "1h");
    overrides.setProperty("java.home", "/elsewhere");
    var conf = LocalStaging.settings(home(), overrides);

    assertThat(conf.get(StagingKeys.URL_TTL_MS)).isEqualTo(3_600_000L);
    assertThat(conf.get(StagingKeys.HOST)).isEqualTo("127.0.0.1");
    assertThat(conf.get(StagingKeys.PORT)).isZero();
    assertThat(conf.raw("java.home")).isEmpty();
  }

  private long cleanIntervalFor(String key, String value) {
    var overrides = new Properties();
    overrides.setProperty(StagingKeys.PREFIX + key, value);
    return LocalStaging.settings(home(), overrides).get(StagingKeys.CLEAN_INTERVAL_MS);
  }

  private static int get(URI uri) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
