package io.sparkube.cli.controlplane;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.sparkube.cli.Terminal;
import io.sparkube.model.secrets.SecretFiles;
import io.sparkube.resources.Crds;
import io.sparkube.submit.driver.PlanYaml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The control plane's objects for a real cluster, in the order they are applied: its CRDs, its
 * namespace, its ServiceAccount and grants ({@link ControlPlaneRbac}), then its Deployment and
 * Service ({@link ControlPlaneWorkload}). The Secret with the API's bearer token stands apart: it
 * is created once and never printed.
 */
public final class ControlPlaneManifests {
  static final String NAME_LABEL = "app.kubernetes.io/name";

  private ControlPlaneManifests() {}

  /** Everything applied on every install, in order; the Secret is not among them. */
  public static List<HasMetadata> objects(ControlPlaneInstall install) {
    var objects = new ArrayList<>(prerequisites(install));
    objects.addAll(workload(install));
    return objects;
  }

  /** What must exist before the Secret and the pod: the namespace, and the grants the pod starts with. */
  static List<HasMetadata> prerequisites(ControlPlaneInstall install) {
    var objects = new ArrayList<HasMetadata>(Crds.all());
    objects.add(new NamespaceBuilder().withNewMetadata().withName(install.namespace()).withLabels(labels())
        .endMetadata().build());
    objects.add(new ServiceAccountBuilder().withNewMetadata().withName(ControlPlaneInstall.NAME)
        .withNamespace(install.namespace()).withLabels(labels()).endMetadata().build());
    objects.addAll(ControlPlaneRbac.objects(install));
    return objects;
  }

  static List<HasMetadata> workload(ControlPlaneInstall install) {
    return List.of(ControlPlaneWorkload.deployment(install), ControlPlaneWorkload.service(install));
  }

  /**
   * Prints the manifests as YAML, and on stderr how to make the Secret they leave out: a redacted
   * one would be applied as is by GitOps, and a real one belongs in no repository or terminal.
   */
  static void print(ControlPlaneInstall install, Terminal terminal) {
    terminal.out().print(PlanYaml.render(objects(install), null));
    terminal.err().println(secretNote(install));
  }

  private static String secretNote(ControlPlaneInstall install) {
    return "not shown: secret/" + ControlPlaneInstall.NAME + " with the job-runs API's bearer token ('install'"
        + " makes it once); applying these yourself, create it too (the pod waits for it): kubectl -n "
        + install.namespace() + " create secret generic " + ControlPlaneInstall.NAME + " --from-literal="
        + ControlPlaneInstall.TOKEN_KEY + "=\"$(head -c 32 /dev/urandom | base64)\"";
  }

  /** A fresh random token: created when missing and never replaced, since callers hold it. */
  static HasMetadata secret(ControlPlaneInstall install) {
    var token = Base64.getUrlEncoder().withoutPadding().encodeToString(SecretFiles.random(32));
    return new SecretBuilder().withNewMetadata().withName(ControlPlaneInstall.NAME)
        .withNamespace(install.namespace()).withLabels(labels()).endMetadata()
        .withType("Opaque")
        .addToData(ControlPlaneInstall.TOKEN_KEY,
            Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.US_ASCII)))
        .build();
  }

  static Map<String, String> labels() {
    var labels = new LinkedHashMap<String, String>();
    labels.put(NAME_LABEL, ControlPlaneInstall.NAME);
    labels.put("app.kubernetes.io/managed-by", "sparkube");
    return labels;
  }
}
