package io.sparkube.resources;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One Spark job to run on the cluster, and what has happened to it: a job run. */
@Group(SparkApplication.GROUP)
@Version(SparkApplication.VERSION)
@ShortNames("sparkapp")
public class SparkApplication extends CustomResource<SparkApplicationSpec, SparkApplicationStatus>
    implements Namespaced {
  public static final String GROUP = "sparkube.io";
  public static final String VERSION = "v1alpha1";

  @Override
  protected SparkApplicationSpec initSpec() {
    return new SparkApplicationSpec();
  }
}
