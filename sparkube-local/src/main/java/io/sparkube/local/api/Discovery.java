package io.sparkube.local.api;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;

/**
 * Discovery documents ({@code /version}, {@code /api}, {@code /apis} and each group version), built
 * from {@link BuiltInResources} plus the stored CRDs, so kubectl and the fabric8 client find both.
 * Only the legacy (unaggregated) format: kubectl falls back to it when the answer is plain JSON.
 */
final class Discovery {
  static final String VERSION = """
      {"major":"1","minor":"33","gitVersion":"v1.33.0","gitCommit":"sparkube-local","gitTreeState":"clean",\
      "buildDate":"2025-01-01T00:00:00Z","goVersion":"go1.24","compiler":"gc","platform":"linux/amd64"}""";
  private static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch",
      "update", "watch");

  private final Supplier<List<CustomResourceDefinition>> crds;

  Discovery(Supplier<List<CustomResourceDefinition>> crds) {
    this.crds = crds;
  }

  /** The discovery answer for {@code path} (no query), or null when it is not a discovery path. */
  MockResponse answer(String path) {
    if (path.equals("/version")) {
      return ApiStatus.json(200, VERSION);
    }
    if (path.equals("/healthz") || path.equals("/livez") || path.equals("/readyz")) {
      return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody("ok");
    }
    if (path.startsWith("/openapi/")) {
      // No OpenAPI documents: kubectl then skips client-side validation instead of misreading one.
      return ApiStatus.response(404, "NotFound", "the server could not find the requested resource");
    }
    if (path.equals("/api")) {
      return ApiStatus.json(200, Serialization.asJson(new APIVersionsBuilder().withVersions("v1").build()));
    }
    if (!couldBeDiscovery(path)) {
      return null;
    }
    var all = resources();
    if (path.equals("/api/v1")) {
      return resourceList("v1", all);
    }
    var groups = groups(all);
    if (path.equals("/apis")) {
      return ApiStatus.json(200, Serialization.asJson(new APIGroupListBuilder().withGroups(groups).build()));
    }
    for (var group : groups) {
      if (path.equals("/apis/" + group.getName())) {
        return ApiStatus.json(200, Serialization.asJson(group));
      }
      for (var version : group.getVersions()) {
        if (path.equals("/apis/" + version.getGroupVersion())) {
          return resourceList(version.getGroupVersion(), all);
        }
      }
    }
    return null;
  }

  /**
   * Only {@code /api/v1}, {@code /apis}, {@code /apis/<group>} and {@code /apis/<group>/<version>}
   * are; every other request skips reading the CRDs.
   */
  private static boolean couldBeDiscovery(String path) {
    if (path.equals("/api/v1") || path.equals("/apis")) {
      return true;
    }
    return path.startsWith("/apis/") && path.chars().filter(c -> c == '/').count() <= 3;
  }

  private List<BuiltInResources.Resource> resources() {
    var all = new ArrayList<>(BuiltInResources.ALL);
    for (var crd : crds.get()) {
      var spec = crd.getSpec();
      for (var version : spec.getVersions()) {
        if (Boolean.TRUE.equals(version.getServed())) {
          var status = version.getSubresources() != null && version.getSubresources().getStatus() != null;
          all.add(new BuiltInResources.Resource(spec.getGroup(), version.getName(), spec.getNames().getPlural(),
              spec.getNames().getKind(), "Namespaced".equals(spec.getScope()),
              spec.getNames().getShortNames() == null ? List.of() : spec.getNames().getShortNames(),
              status ? List.of("status") : List.of()));
        }
      }
    }
    return all;
  }

  private static List<APIGroup> groups(List<BuiltInResources.Resource> all) {
    var versions = new LinkedHashMap<String, List<GroupVersionForDiscovery>>();
    for (var resource : all) {
      if (!resource.group().isEmpty()) {
        var list = versions.computeIfAbsent(resource.group(), g -> new ArrayList<>());
        if (list.stream().noneMatch(v -> v.getVersion().equals(resource.version()))) {
          list.add(new GroupVersionForDiscovery(resource.groupVersion(), resource.version()));
        }
      }
    }
    var groups = new ArrayList<APIGroup>();
    versions.forEach((name, list) -> groups.add(new APIGroupBuilder().withName(name).withVersions(list)
        .withPreferredVersion(list.get(0)).build()));
    return groups;
  }

  private static MockResponse resourceList(String groupVersion, List<BuiltInResources.Resource> all) {
    var resources = new ArrayList<APIResource>();
    for (var resource : all) {
      if (resource.groupVersion().equals(groupVersion)) {
        resources.add(new APIResourceBuilder().withName(resource.plural()).withKind(resource.kind())
            .withSingularName(resource.kind().toLowerCase()).withNamespaced(resource.namespaced())
            .withShortNames(resource.shortNames().isEmpty() ? null : resource.shortNames())
            .withVerbs(BuiltInResources.CREATE_ONLY.contains(resource.plural()) ? List.of("create") : VERBS).build());
        for (var sub : resource.subresources()) {
          resources.add(new APIResourceBuilder().withName(resource.plural() + "/" + sub).withKind(resource.kind())
              .withSingularName("").withNamespaced(resource.namespaced()).withVerbs(List.of("get", "patch", "update"))
              .build());
        }
      }
    }
    return ApiStatus.json(200,
        Serialization.asJson(new APIResourceListBuilder().withGroupVersion(groupVersion).withResources(resources).build()));
  }
}
