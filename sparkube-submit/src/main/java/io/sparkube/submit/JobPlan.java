package io.sparkube.submit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.sparkube.submit.driver.DriverPlan;
import io.sparkube.submit.driver.PlanYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything one submission creates: the identity's ServiceAccount when it is missing (shared by
 * the identity's jobs, so never owned by one), then the driver's objects, whose pre-resources
 * include the driver's Role and RoleBinding.
 */
public record JobPlan(Optional<ServiceAccount> serviceAccount, DriverPlan driver) {

  /** The objects as YAML documents in creation order, Secret values redacted, for --dry-run. */
  public String yaml() {
    return PlanYaml.render(creationOrder(), driver.namespace());
  }

  public List<HasMetadata> creationOrder() {
    var all = new ArrayList<HasMetadata>();
    serviceAccount.ifPresent(all::add);
    all.addAll(driver.creationOrder());
    return all;
  }
}
