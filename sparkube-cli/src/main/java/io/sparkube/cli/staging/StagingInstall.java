package io.sparkube.cli.staging;

import java.util.List;
import java.util.Optional;

/**
 * What {@code sparkube staging install} puts in a cluster, as the user chose it.
 *
 * @param image an image whose entrypoint is the sparkube command
 * @param storageClass empty for the cluster's default class
 * @param externalUri how submitters reach the server, when not through the cluster (an Ingress,
 *     a LoadBalancer); pods always use the Service's in-cluster address
 * @param tlsSecret a kubernetes.io/tls Secret to serve HTTPS with; empty for plain http
 * @param jobNamespaces the namespaces whose driver pods the server watches; empty for all
 */
public record StagingInstall(String namespace, String image, String storage, Optional<String> storageClass,
    Optional<String> externalUri, Optional<String> tlsSecret, List<String> jobNamespaces) {

  public static final String NAME = "sparkube-staging";
  public static final int PORT = 8080;

  public StagingInstall {
    jobNamespaces = List.copyOf(jobNamespaces);
  }

  public String scheme() {
    return tlsSecret.isPresent() ? "https" : "http";
  }

  /** The Service's in-cluster address, which the signed URLs handed to pods use. */
  public String internalUri() {
    return scheme() + "://" + NAME + "." + namespace + ".svc:" + PORT;
  }

  public boolean watchesAllNamespaces() {
    return jobNamespaces.isEmpty();
  }

  /**
   * The name of the Roles (or ClusterRole) and bindings that let this install read pods: it
   * carries the install's namespace, so two installs watching one namespace never share a binding.
   */
  public String podReaderName() {
    return NAME + "-" + namespace;
  }
}
