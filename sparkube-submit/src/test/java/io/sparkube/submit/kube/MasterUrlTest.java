package io.sparkube.submit.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import org.junit.jupiter.api.Test;

class MasterUrlTest {

  @Test
  void noSchemeMeansHttpsAsInSparkSubmit() {
    assertThat(MasterUrl.parse("k8s://api.example.com:6443")).isEqualTo("https://api.example.com:6443");
  }

  @Test
  void explicitSchemesAreKept() {
    assertThat(MasterUrl.parse("k8s://https://10.0.0.1")).isEqualTo("https://10.0.0.1");
    assertThat(MasterUrl.parse("k8s://http://127.0.0.1:8001")).isEqualTo("http://127.0.0.1:8001");
    assertThat(MasterUrl.parse("k8s://HTTPS://api:443")).isEqualTo("HTTPS://api:443");
  }

  @Test
  void otherSchemesAndMastersAreUnknown() {
    for (var bad : new String[] {"k8s://ftp://host", "yarn", "spark://host:7077", "k8s://"}) {
      assertThatThrownBy(() -> MasterUrl.parse(bad))
          .isInstanceOfSatisfying(SparkubeException.class, e -> assertThat(e.failure()).isEqualTo(Failure.UNKNOWN_MASTER))
          .hasMessageContaining("use --master k8s://https://");
    }
  }

  @Test
  void sparkMasterKeepsTheGivenSchemeAndDefaultsToHttps() {
    assertThat(MasterUrl.normalise("k8s://host:443")).isEqualTo("k8s://https://host:443");
    assertThat(MasterUrl.normalise("k8s://HTTP://host:80")).isEqualTo("k8s://HTTP://host:80");
  }
}
