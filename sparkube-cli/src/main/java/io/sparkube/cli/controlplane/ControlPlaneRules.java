package io.sparkube.cli.controlplane;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.util.List;

/**
 * What the control plane's ServiceAccount may do: the calls the operator, the in-process
 * submission and the job-runs API make, and nothing else. No Secrets (its token is a mounted
 * file), no pods/exec or pods/log, no Leases (one replica, no leader election), no writes to CRDs
 * (the install applies them).
 */
final class ControlPlaneRules {
  private static final String CORE = "";
  private static final String SPARKUBE = "sparkube.io";

  private ControlPlaneRules() {}

  /** Cluster-scoped objects: always in the ClusterRole. */
  static List<PolicyRule> clusterScoped() {
    return List.of(
        // The operator's informer lists and watches them; the API reads, lists and creates them.
        // Never deleted: DeleteVirtualCluster only marks one TERMINATED.
        rule(SPARKUBE, "virtualclusters", "get", "list", "watch", "create"),
        // The operator records their state by server-side apply; the API patches it on delete.
        rule(SPARKUBE, "virtualclusters/status", "patch"),
        // A virtual cluster is ARRESTED while its namespace is missing.
        rule(CORE, "namespaces", "get"),
        // Whether an identity webhook injects tokens; refused, submission injects them itself.
        rule("admissionregistration.k8s.io", "mutatingwebhookconfigurations", "list"));
  }

  /**
   * The operator's informers on runs and driver pods: cluster-wide when jobs may run anywhere, in
   * each job namespace otherwise (the operator is then told to watch only those). They also
   * cover the API's list of a virtual cluster's runs.
   */
  static List<PolicyRule> informers() {
    return List.of(
        rule(SPARKUBE, "sparkapplications", "list", "watch"),
        rule(CORE, "pods", "list", "watch"));
  }

  /**
   * Job objects, in every namespace a job may run in. A driver's Role is created by the control
   * plane, and Kubernetes lets a Role (and its RoleBinding) be written only by someone who holds
   * every permission it grants, or who holds {@code escalate} and {@code bind} on roles. Those two
   * would let the control plane grant anything, Secrets included, to anyone in the namespace; so
   * it holds instead the few verbs a driver's Role may grant (DriverAccess) and never uses itself.
   */
  static List<PolicyRule> jobNamespace() {
    return List.of(
        // The API reads, creates and cancels (merge patch of spec.suspend) runs; the operator
        // cancels a terminating virtual cluster's runs (get, then patch) and deletes expired ones.
        rule(SPARKUBE, "sparkapplications", "get", "create", "patch", "delete"),
        // The operator writes a run's status by server-side apply.
        rule(SPARKUBE, "sparkapplications/status", "patch"),
        // The driver pod's owner reference to its run blocks the run's deletion; with the
        // OwnerReferencesPermissionEnforcement admission plugin (OpenShift) that needs this.
        rule(SPARKUBE, "sparkapplications/finalizers", "update"),
        // Create the driver, read it when the cache lags, delete it on cancel or rollback;
        // deletecollection and patch only to grant them to drivers.
        rule(CORE, "pods", "get", "create", "delete", "deletecollection", "patch"),
        // Driver objects are written by server-side apply (patch) as Spark's client does, and
        // deleted when a submission fails part way; create and deletecollection only to grant.
        rule(CORE, "configmaps", "create", "patch", "delete", "deletecollection"),
        rule(CORE, "services", "patch", "delete", "deletecollection"),
        rule(CORE, "persistentvolumeclaims", "list", "create", "patch", "delete", "deletecollection"),
        // A run's identity: its ServiceAccount is compared (get), made when missing, and deleted
        // again if the submission that made it fails.
        rule(CORE, "serviceaccounts", "get", "create", "delete"),
        // The driver's Role and RoleBinding, applied and rolled back like its other objects.
        rule("rbac.authorization.k8s.io", "roles", "patch", "delete"),
        rule("rbac.authorization.k8s.io", "rolebindings", "patch", "delete"),
        rule(CORE, "events", "create"),
        // Only to grant them to drivers using spark.kubernetes.allocation.pods.allocator=statefulset.
        rule("apps", "statefulsets", "get", "create", "delete"),
        rule("apps", "statefulsets/scale", "get", "update"));
  }

  private static PolicyRule rule(String apiGroup, String resource, String... verbs) {
    return new PolicyRuleBuilder().withApiGroups(apiGroup).withResources(resource).withVerbs(verbs).build();
  }
}
