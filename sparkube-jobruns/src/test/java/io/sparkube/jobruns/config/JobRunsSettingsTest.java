package io.sparkube.jobruns.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.model.config.Conf;
import io.sparkube.model.error.SparkubeException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobRunsSettingsTest {
  @Test
  void defaultsAreLocalPlainAndInAPlaceholderAccount() {
    var settings = JobRunsSettings.read(Conf.of(Map.of("sparkube.jobruns.tokenFile", "/etc/sparkube/token")));

    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(settings.port()).isEqualTo(8443);
    assertThat(settings.tokenFile()).contains(Path.of("/etc/sparkube/token"));
    assertThat(settings.accessKeysFile()).isEmpty();
    assertThat(settings.region()).isEqualTo("us-east-1");
    assertThat(settings.accountId()).isEqualTo("000000000000");
    assertThat(settings.principal()).isEqualTo("arn:aws:iam::000000000000:user/sparkube-token");
    assertThat(settings.maxRequestBytes()).isEqualTo(1 << 20);
    assertThat(settings.tls()).isInstanceOf(Tls.None.class);
  }

  @Test
  void everySettingIsRead() {
    var settings = JobRunsSettings.read(Conf.of(Map.of(
        "sparkube.jobruns.host", "0.0.0.0",
        "sparkube.jobruns.port", "0",
        "sparkube.jobruns.accessKeysFile", "/keys",
        "sparkube.jobruns.accountId", "123456789012",
        "sparkube.jobruns.region", "eu-west-1",
        "sparkube.jobruns.maxRequestBytes", "64k",
        "sparkube.jobruns.tls.certFile", "/tls.crt",
        "sparkube.jobruns.tls.keyFile", "/tls.key")));

    assertThat(settings.accessKeysFile()).isEqualTo(Optional.of(Path.of("/keys")));
    assertThat(settings.principal()).as("follows the account").isEqualTo("arn:aws:iam::123456789012:user/sparkube-token");
    assertThat(settings.maxRequestBytes()).isEqualTo(64 * 1024);
    assertThat(settings.tls()).isEqualTo(new Tls.Pem(Path.of("/tls.crt"), Path.of("/tls.key")));
  }

  @Test
  void aServerNoCallerCouldReachIsRefused() {
    assertThatThrownBy(() -> JobRunsSettings.read(Conf.empty())).isInstanceOf(SparkubeException.class)
        .hasMessageContaining("neither sparkube.jobruns.tokenFile nor sparkube.jobruns.accessKeysFile is set");
  }

  @Test
  void malformedOrUnknownSettingsFailNamingTheKey() {
    assertThatThrownBy(() -> read("sparkube.jobruns.accountId", "12345"))
        .hasMessageContaining("sparkube.jobruns.accountId=12345 is not valid: use 12 digits");
    assertThatThrownBy(() -> read("sparkube.jobruns.region", "Mars"))
        .hasMessageContaining("sparkube.jobruns.region=Mars");
    assertThatThrownBy(() -> read("sparkube.jobruns.maxRequestBytes", "3g"))
        .hasMessageContaining("sparkube.jobruns.maxRequestBytes");
    assertThatThrownBy(() -> read("sparkube.jobruns.tokenfile", "/x"))
        .hasMessageContaining("sparkube.jobruns.tokenfile is not a job-runs API setting");
    assertThatThrownBy(() -> read("sparkube.jobruns.tls.certFile", "/tls.crt"))
        .hasMessageContaining("go together");
  }

  private static JobRunsSettings read(String key, String value) {
    return JobRunsSettings.read(Conf.of(Map.of("sparkube.jobruns.tokenFile", "/token", key, value)));
  }
}
