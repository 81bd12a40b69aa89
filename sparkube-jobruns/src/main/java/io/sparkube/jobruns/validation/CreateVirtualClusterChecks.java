package io.sparkube.jobruns.validation;

import io.sparkube.jobruns.error.ApiException;
import io.sparkube.jobruns.wire.ContainerProvider;
import io.sparkube.jobruns.wire.CreateVirtualClusterRequest;
import java.util.List;

/**
 * The checks of a CreateVirtualCluster request. The namespace, optional in the model, is required:
 * it is where the virtual cluster's runs go. Members of newer models that Sparkube cannot honour
 * are refused by name rather than dropped.
 */
public final class CreateVirtualClusterChecks {
  private CreateVirtualClusterChecks() {}

  /** The namespace the virtual cluster runs its jobs in. */
  public static String check(CreateVirtualClusterRequest request) {
    Shape.RESOURCE_NAME.required(request.name(), "name");
    Shape.CLIENT_TOKEN.required(request.clientToken(), "clientToken");
    var provider = Members.required(request.containerProvider(), "containerProvider");
    Members.oneOf(Members.required(provider.type(), "containerProvider.type"), List.of(ContainerProvider.EKS),
        "containerProvider.type");
    Shape.CLUSTER_ID.required(provider.id(), "containerProvider.id");
    var eks = provider.info() == null ? null : provider.info().eksInfo();
    if (eks == null || eks.namespace() == null) {
      throw ApiException.validation("containerProvider.info.eksInfo.namespace is required: it is the namespace the"
          + " virtual cluster's job runs go to");
    }
    var namespace = Shape.NAMESPACE.required(eks.namespace(), "containerProvider.info.eksInfo.namespace");
    if (eks.nodeLabel() != null) {
      throw unsupported("containerProvider.info.eksInfo.nodeLabel", "choose nodes with"
          + " spark.kubernetes.node.selector.* settings in the job runs");
    }
    Members.tags(request.tags(), "tags");
    if (request.securityConfigurationId() != null) {
      throw unsupported("securityConfigurationId", "security configurations do not exist in Sparkube");
    }
    if (Boolean.TRUE.equals(request.sessionEnabled())) {
      throw unsupported("sessionEnabled=true", "interactive sessions do not exist in Sparkube");
    }
    var scheduler = request.schedulerConfiguration();
    if (scheduler != null) {
      if (scheduler.maxInQueueJobRuns() != null) {
        throw unsupported("schedulerConfiguration.maxInQueueJobRuns", "runs past maxConcurrentJobRuns wait in"
            + " PENDING without a bound");
      }
      Members.between(scheduler.maxConcurrentJobRuns(), 1, Integer.MAX_VALUE,
          "schedulerConfiguration.maxConcurrentJobRuns");
    }
    return namespace;
  }

  private static ApiException unsupported(String member, String why) {
    return ApiException.validation(member + " is not supported: " + why + "; leave it out");
  }
}
