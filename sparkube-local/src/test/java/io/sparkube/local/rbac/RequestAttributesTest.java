package io.sparkube.local.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestAttributesTest {
  private static RequestAttributes of(String method, String path, Map<String, String> query) {
    return RequestAttributes.of(method, path, query::get);
  }

  private static RequestAttributes of(String method, String path) {
    return of(method, path, Map.of());
  }

  @Test
  void namedAndCollectionRequestsOfTheCoreGroup() {
    assertThat(of("GET", "/api/v1/namespaces/default/pods/driver"))
        .isEqualTo(RequestAttributes.resource("get", "", "default", "pods", "", "driver"));
    assertThat(of("GET", "/api/v1/namespaces/default/pods"))
        .isEqualTo(RequestAttributes.resource("list", "", "default", "pods", "", ""));
    assertThat(of("POST", "/api/v1/namespaces/default/pods"))
        .isEqualTo(RequestAttributes.resource("create", "", "default", "pods", "", ""));
    assertThat(of("PUT", "/api/v1/namespaces/default/configmaps/c").verb()).isEqualTo("update");
    assertThat(of("PATCH", "/api/v1/namespaces/default/configmaps/c").verb()).isEqualTo("patch");
    assertThat(of("DELETE", "/api/v1/namespaces/default/pods/driver").verb()).isEqualTo("delete");
    assertThat(of("DELETE", "/api/v1/namespaces/default/pods").verb()).isEqualTo("deletecollection");
    assertThat(of("HEAD", "/api/v1/namespaces/default/pods/driver").verb()).isEqualTo("get");
  }

  @Test
  void groupsClusterScopeAndNamespacesThemselves() {
    assertThat(of("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/jobs/roles"))
        .isEqualTo(RequestAttributes.resource("create", "rbac.authorization.k8s.io", "jobs", "roles", "", ""));
    assertThat(of("GET", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions"))
        .isEqualTo(RequestAttributes.resource("list", "apiextensions.k8s.io", "", "customresourcedefinitions", "", ""));
    assertThat(of("GET", "/api/v1/namespaces"))
        .isEqualTo(RequestAttributes.resource("list", "", "", "namespaces", "", ""));
    // As in kube, a namespace is requested within itself.
    assertThat(of("GET", "/api/v1/namespaces/jobs"))
        .isEqualTo(RequestAttributes.resource("get", "", "jobs", "namespaces", "", "jobs"));
    assertThat(of("PUT", "/api/v1/namespaces/jobs/status"))
        .isEqualTo(RequestAttributes.resource("update", "", "jobs", "namespaces", "status", "jobs"));
  }

  @Test
  void subresources() {
    assertThat(of("GET", "/api/v1/namespaces/default/pods/driver/log"))
        .isEqualTo(RequestAttributes.resource("get", "", "default", "pods", "log", "driver"));
    assertThat(of("POST", "/api/v1/namespaces/default/serviceaccounts/spark/token"))
        .isEqualTo(RequestAttributes.resource("create", "", "default", "serviceaccounts", "token", "spark"));
    var status = of("PATCH", "/api/v1/namespaces/default/pods/driver/status");
    assertThat(status.resourceAndSubresource()).isEqualTo("pods/status");
    assertThat(status.verb()).isEqualTo("patch");
  }

  @Test
  void watchesByParameterOrPrefixAndNamesFromFieldSelectors() {
    assertThat(of("GET", "/api/v1/namespaces/default/pods", Map.of("watch", "true")).verb()).isEqualTo("watch");
    assertThat(of("GET", "/api/v1/namespaces/default/pods", Map.of("watch", "1")).verb()).isEqualTo("watch");
    assertThat(of("GET", "/api/v1/namespaces/default/pods", Map.of("watch", "false")).verb()).isEqualTo("list");
    assertThat(of("GET", "/api/v1/watch/namespaces/default/pods"))
        .isEqualTo(RequestAttributes.resource("watch", "", "default", "pods", "", ""));
    assertThat(of("GET", "/api/v1/watch/namespaces/default/pods/driver"))
        .isEqualTo(RequestAttributes.resource("watch", "", "default", "pods", "", "driver"));
    assertThat(of("GET", "/api/v1/namespaces/default/pods",
        Map.of("watch", "true", "fieldSelector", "metadata.name=driver")))
        .isEqualTo(RequestAttributes.resource("watch", "", "default", "pods", "", "driver"));
    var selected = of("GET", "/api/v1/namespaces/default/pods",
        Map.of("fieldSelector", "status.phase=Running,metadata.name==d"));
    assertThat(selected.name()).isEqualTo("d");
    assertThat(of("GET", "/api/v1/namespaces/default/pods", Map.of("fieldSelector", "metadata.name!=d")).name())
        .isEmpty();
  }

  @Test
  void nonResourcePathsUseTheLowerCasedMethod() {
    for (var path : new String[] {"/api", "/api/v1", "/apis", "/apis/apps", "/apis/apps/v1", "/version", "/healthz",
        "/openapi/v2", "/.well-known/openid-configuration", "/openid/v1/jwks"}) {
      assertThat(of("GET", path)).isEqualTo(RequestAttributes.nonResource("get", path));
    }
    assertThat(of("POST", "/metrics")).isEqualTo(RequestAttributes.nonResource("post", "/metrics"));
  }
}
