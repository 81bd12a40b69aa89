package io.sparkube.submit.driver;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;

/**
 * A plan as YAML documents in creation order, for --dry-run. Each object carries its namespace,
 * so the output can be read and diffed. Secret values are replaced by a placeholder: a dry run's
 * output lands in terminals and CI logs, where credentials must not.
 */
public final class PlanYaml {
  static final String REDACTED = "PHJlZGFjdGVkPg=="; // base64 of "<redacted>", so the Secret stays valid
  private PlanYaml() {}

  public static String render(DriverPlan plan) {
    return render(plan.creationOrder(), plan.namespace());
  }

  /** @param namespace written into objects that do not name theirs */
  public static String render(List<HasMetadata> objects, String namespace) {
    var out = new StringBuilder();
    for (HasMetadata object : objects) {
      var copy = Serialization.clone(object);
      if (copy.getMetadata().getNamespace() == null) {
        copy.getMetadata().setNamespace(namespace);
      }
      if (copy instanceof Secret secret && secret.getData() != null) {
        secret.getData().replaceAll((key, value) -> REDACTED);
      }
      var yaml = Serialization.asYaml(copy);
      out.append(yaml).append(yaml.endsWith("\n") ? "" : "\n");
    }
    return out.toString();
  }
}
