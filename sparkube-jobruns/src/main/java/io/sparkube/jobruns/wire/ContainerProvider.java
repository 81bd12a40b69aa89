package io.sparkube.jobruns.wire;

/** The Kubernetes cluster (by name) and namespace a virtual cluster runs its jobs in. */
public record ContainerProvider(String type, String id, Info info) {
  public static final String EKS = "EKS";

  public static ContainerProvider eks(String clusterName, String namespace) {
    return new ContainerProvider(EKS, clusterName, new Info(new EksInfo(namespace, null)));
  }

  public record Info(EksInfo eksInfo) {}

  public record EksInfo(String namespace, String nodeLabel) {}
}
