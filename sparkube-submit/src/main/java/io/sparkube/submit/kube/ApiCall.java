package io.sparkube.submit.kube;

import io.fabric8.kubernetes.api.Pluralize;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Locale;
import java.util.Optional;

/**
 * What a caller was doing when a request failed, so a failure can name the verb, resource,
 * namespace, server and identity even when the server's reply names none of them.
 *
 * @param identity who the client authenticates as, e.g. the kubeconfig user
 */
public record ApiCall(String server, String identity, String verb, String resource, String namespace,
    Optional<String> name) {

  public static ApiCall of(KubernetesClient client, String verb, String resource, String namespace,
      String name) {
    var config = client.getConfiguration();
    return new ApiCall(config.getMasterUrl(), identityOf(client), verb, resource, namespace,
        Optional.ofNullable(name));
  }

  public static ApiCall of(KubernetesClient client, String verb, HasMetadata object, String namespace) {
    var resource = Pluralize.toPlural(object.getKind().toLowerCase(Locale.ROOT));
    return of(client, verb, resource, namespace, object.getMetadata().getName());
  }

  /** {@code pods "ns/name"}, or {@code pods in namespace "ns"} when no single object is meant. */
  public String target() {
    return name.map(n -> resource + " \"" + namespace + "/" + n + "\"")
        .orElse(resource + " in namespace \"" + namespace + "\"");
  }

  private static String identityOf(KubernetesClient client) {
    var context = client.getConfiguration().getCurrentContext();
    if (context != null && context.getContext() != null && context.getContext().getUser() != null) {
      return "kubeconfig user \"" + context.getContext().getUser() + "\"";
    }
    return "the configured credentials";
  }
}
