package io.sparkube.bench.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkube.bench.ApiRequestKind;
import org.junit.jupiter.api.Test;

class ApiRequestKindTest {
  @Test
  void namesTheVerbAndTheResourceButNoNames() {
    assertThat(ApiRequestKind.of("POST", "/api/v1/namespaces/default/pods")).isEqualTo("POST pods");
    assertThat(ApiRequestKind.of("GET", "/api/v1/namespaces/default/pods/pi-driver")).isEqualTo("GET pods");
    assertThat(ApiRequestKind.of("GET", "/api/v1/namespaces/default/pods?labelSelector=a")).isEqualTo("LIST pods");
    assertThat(ApiRequestKind.of("GET", "/api/v1/pods?watch=true&labelSelector=a")).isEqualTo("WATCH pods");
    assertThat(ApiRequestKind.of("PATCH", "/apis/sparkube.io/v1alpha1/namespaces/default/sparkapplications/r1/status"))
        .isEqualTo("PATCH sparkapplications/status");
    assertThat(ApiRequestKind.of("GET", "/apis/sparkube.io/v1alpha1/virtualclusters/vc1"))
        .isEqualTo("GET virtualclusters");
    assertThat(ApiRequestKind.of("GET", "/api/v1/namespaces/default")).isEqualTo("GET namespaces");
    assertThat(ApiRequestKind.of("GET", "/version")).isEqualTo("GET /version");
  }
}
