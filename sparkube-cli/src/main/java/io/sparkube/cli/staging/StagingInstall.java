package io.sparkube.cli.staging;

import java.util.Optional;

/**
 * What {@code sparkube staging install} puts in a cluster, as the user chose it.
 *
 * @param image an image whose entrypoint is the sparkube command
 * @param storageClass empty for the cluster's default class
 * @param externalUri how submitters reach the server, when not through the cluster (an Ingress,
 *     a LoadBalancer); pods always use the Service's in-cluster address
 * @param tlsSecret a kubernetes.io/tls Secret to serve HTTPS with; empty for plain http
 */
public record StagingInstall(String namespace, String image, String storage, Optional<String> storageClass,
    Optional<String> externalUri, Optional<String> tlsSecret) {

  public static final String NAME = "sparkube-staging";
  public static final int PORT = 8080;

  public String scheme() {
    return tlsSecret.isPresent() ? "https" : "http";
  }

  /** The Service's in-cluster address, which the signed URLs handed to pods use. */
  public String internalUri() {
    return scheme() + "://" + NAME + "." + namespace + ".svc:" + PORT;
  }
}
