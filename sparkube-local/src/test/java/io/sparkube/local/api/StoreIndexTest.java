package io.sparkube.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreIndexTest {
  private final KubernetesAttributesExtractor extractor = new KubernetesAttributesExtractor();

  private AttributeSet key(String path) {
    return extractor.fromPath(path);
  }

  @Test
  void aQueryLooksOnlyAtItsResourceNamespaceAndName() {
    var index = new StoreIndex();
    var a = key("/api/v1/namespaces/one/pods/a");
    var b = key("/api/v1/namespaces/one/pods/b");
    var c = key("/api/v1/namespaces/two/pods/a");
    var map = key("/api/v1/namespaces/one/configmaps/a");
    List.of(a, b, c, map).forEach(k -> index.add(k, List.of()));

    assertThat(index.candidates(key("/api/v1/namespaces/one/pods/a")).orElseThrow()).containsExactly(a);
    assertThat(index.candidates(key("/api/v1/namespaces/one/pods")).orElseThrow()).containsExactly(a, b);
    assertThat(index.candidates(key("/api/v1/pods")).orElseThrow()).containsExactlyInAnyOrder(a, b, c);
    assertThat(index.candidates(key("/api/v1/namespaces/three/pods")).orElseThrow()).isEmpty();

    index.remove(a);
    assertThat(index.candidates(key("/api/v1/namespaces/one/pods/a")).orElseThrow()).isEmpty();
    assertThat(index.candidates(key("/api/v1/namespaces/one/pods")).orElseThrow()).containsExactly(b);
  }

  @Test
  void dependentsAreFoundByTheirOwnersUidAndForgottenWithThem() {
    var index = new StoreIndex();
    var map = key("/api/v1/namespaces/one/configmaps/conf");
    var service = key("/api/v1/namespaces/one/services/svc");
    index.add(map, List.of("pod-uid"));
    index.add(service, List.of("pod-uid", "other-uid"));

    assertThat(index.dependentsOf("pod-uid")).containsExactlyInAnyOrder(map, service);
    index.remove(service);
    assertThat(index.dependentsOf("pod-uid")).containsExactly(map);
    assertThat(index.dependentsOf("other-uid")).isEmpty();
  }
}
