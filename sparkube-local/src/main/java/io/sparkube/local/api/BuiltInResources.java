package io.sparkube.local.api;

import java.util.List;
import java.util.Set;

/**
 * The built-in resources this API server stores and advertises in discovery: what Spark, our
 * operator and kubectl's basics use. fabric8's CRUD store takes any resource; discovery is what
 * tells kubectl the names, kinds and scopes.
 */
final class BuiltInResources {
  record Resource(String group, String version, String plural, String kind, boolean namespaced,
      List<String> shortNames, List<String> subresources) {
    String groupVersion() {
      return group.isEmpty() ? version : group + "/" + version;
    }
  }

  static final List<Resource> ALL = List.of(
      core("pods", "Pod", true, List.of("po"), List.of("status", "log")),
      core("services", "Service", true, List.of("svc"), List.of("status")),
      core("configmaps", "ConfigMap", true, List.of("cm"), List.of()),
      core("secrets", "Secret", true, List.of(), List.of()),
      core("serviceaccounts", "ServiceAccount", true, List.of("sa"), List.of("token")),
      core("namespaces", "Namespace", false, List.of("ns"), List.of("status")),
      core("events", "Event", true, List.of("ev"), List.of()),
      core("endpoints", "Endpoints", true, List.of("ep"), List.of()),
      core("persistentvolumeclaims", "PersistentVolumeClaim", true, List.of("pvc"), List.of("status")),
      core("nodes", "Node", false, List.of("no"), List.of("status")),
      core("resourcequotas", "ResourceQuota", true, List.of("quota"), List.of("status")),
      core("limitranges", "LimitRange", true, List.of("limits"), List.of()),
      new Resource("apps", "v1", "deployments", "Deployment", true, List.of("deploy"), List.of("status", "scale")),
      new Resource("apps", "v1", "statefulsets", "StatefulSet", true, List.of("sts"), List.of("status", "scale")),
      new Resource("apps", "v1", "replicasets", "ReplicaSet", true, List.of("rs"), List.of("status", "scale")),
      new Resource("batch", "v1", "jobs", "Job", true, List.of(), List.of("status")),
      rbac("roles", "Role", true), rbac("rolebindings", "RoleBinding", true),
      rbac("clusterroles", "ClusterRole", false), rbac("clusterrolebindings", "ClusterRoleBinding", false),
      new Resource("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false,
          List.of("crd", "crds"), List.of("status")),
      new Resource("coordination.k8s.io", "v1", "leases", "Lease", true, List.of(), List.of()),
      new Resource("authentication.k8s.io", "v1", "tokenreviews", "TokenReview", false, List.of(), List.of()),
      review("subjectaccessreviews", "SubjectAccessReview", false),
      review("selfsubjectaccessreviews", "SelfSubjectAccessReview", false),
      review("selfsubjectrulesreviews", "SelfSubjectRulesReview", false),
      review("localsubjectaccessreviews", "LocalSubjectAccessReview", true));

  /** Questions rather than objects: they can only be created (and are answered, not kept). */
  static final Set<String> CREATE_ONLY = Set.of("tokenreviews", "subjectaccessreviews", "selfsubjectaccessreviews",
      "selfsubjectrulesreviews", "localsubjectaccessreviews");

  /** Kinds whose {@code status} only changes through the status subresource, as on a real server. */
  static final Set<String> WITH_STATUS_SUBRESOURCE = Set.of("pods", "services", "namespaces", "nodes",
      "persistentvolumeclaims", "resourcequotas", "deployments", "statefulsets", "replicasets", "jobs",
      "customresourcedefinitions");

  private BuiltInResources() {}

  private static Resource core(String plural, String kind, boolean namespaced, List<String> shortNames,
      List<String> subresources) {
    return new Resource("", "v1", plural, kind, namespaced, shortNames, subresources);
  }

  private static Resource review(String plural, String kind, boolean namespaced) {
    return new Resource("authorization.k8s.io", "v1", plural, kind, namespaced, List.of(), List.of());
  }

  private static Resource rbac(String plural, String kind, boolean namespaced) {
    return new Resource("rbac.authorization.k8s.io", "v1", plural, kind, namespaced, List.of(), List.of());
  }
}
