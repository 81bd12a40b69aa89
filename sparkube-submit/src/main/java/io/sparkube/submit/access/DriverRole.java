package io.sparkube.submit.access;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.sparkube.submit.identity.JobServiceAccount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Role and RoleBinding that give one job's driver ServiceAccount exactly the access its rules
 * list. Both are named after the driver pod and, like Spark's other pre-resources, become owned
 * by it once it exists, so they go when the job's pod is deleted.
 */
public final class DriverRole {
  private DriverRole() {}

  public static List<HasMetadata> objects(String namespace, String driverPodName, String appId, String serviceAccount,
      List<AccessRule> rules) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("spark-app-selector", appId);
    labels.put(JobServiceAccount.MANAGED_BY_LABEL, JobServiceAccount.MANAGED_BY);
    var role = new RoleBuilder().withNewMetadata().withName(driverPodName).withNamespace(namespace)
        .withLabels(labels).endMetadata()
        .withRules(rules.stream().map(rule -> new PolicyRuleBuilder().withApiGroups(rule.apiGroup())
            .withResources(rule.resource()).withVerbs(rule.verbs()).build()).toList())
        .build();
    var binding = new RoleBindingBuilder().withNewMetadata().withName(driverPodName).withNamespace(namespace)
        .withLabels(labels).endMetadata()
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName(driverPodName).endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName(serviceAccount).withNamespace(namespace).endSubject()
        .build();
    return List.of(role, binding);
  }
}
