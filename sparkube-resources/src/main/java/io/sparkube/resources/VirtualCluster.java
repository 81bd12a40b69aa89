package io.sparkube.resources;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A team's place to run jobs: a namespace, the defaults its job runs get, their limits, and the
 * identities they may use. Cluster-scoped, as Amazon EMR on EKS's virtual clusters are global.
 */
@Group(SparkApplication.GROUP)
@Version(SparkApplication.VERSION)
@ShortNames("vc")
public class VirtualCluster extends CustomResource<VirtualClusterSpec, VirtualClusterStatus> {
  @Override
  protected VirtualClusterSpec initSpec() {
    return new VirtualClusterSpec();
  }
}
