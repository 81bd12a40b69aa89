package io.sparkube.submit.driver;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * A plan as YAML documents in creation order, for --dry-run. Each object carries its namespace,
 * so the output can be read, diffed or applied as it is.
 */
public final class PlanYaml {
  private PlanYaml() {}

  public static String render(DriverPlan plan) {
    var out = new StringBuilder();
    for (HasMetadata object : plan.creationOrder()) {
      var copy = Serialization.clone(object);
      if (copy.getMetadata().getNamespace() == null) {
        copy.getMetadata().setNamespace(plan.namespace());
      }
      var yaml = Serialization.asYaml(copy);
      out.append(yaml).append(yaml.endsWith("\n") ? "" : "\n");
    }
    return out.toString();
  }
}
