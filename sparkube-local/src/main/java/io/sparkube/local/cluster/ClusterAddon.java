package io.sparkube.local.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Something more the local cluster's process runs once its API server and node are up, such as
 * the control plane. Found with {@link ServiceLoader}, so this module need not depend on it: the
 * distribution's class path decides what runs.
 */
public interface ClusterAddon {

  /** What an add-on is given: the cluster's files, and a client with the cluster's admin rights. */
  record Cluster(ClusterHome home, KubernetesClient admin) {}

  /** A started add-on: lines for {@code sparkube local status}, and how to stop it. */
  interface Running extends AutoCloseable {
    List<String> facts();

    @Override
    void close();
  }

  Running start(Cluster cluster);

  static List<ClusterAddon> installed() {
    return ServiceLoader.load(ClusterAddon.class).stream().map(ServiceLoader.Provider::get).toList();
  }
}
