package io.sparkube.jobruns.http;

import io.vertx.core.http.HttpMethod;

/** The eight emr-containers operations the API serves, by method and path shape, named as AWS names them. */
enum Operation {
  CREATE_VIRTUAL_CLUSTER("CreateVirtualCluster", HttpMethod.POST, PathShape.CLUSTERS),
  LIST_VIRTUAL_CLUSTERS("ListVirtualClusters", HttpMethod.GET, PathShape.CLUSTERS),
  DESCRIBE_VIRTUAL_CLUSTER("DescribeVirtualCluster", HttpMethod.GET, PathShape.CLUSTER),
  DELETE_VIRTUAL_CLUSTER("DeleteVirtualCluster", HttpMethod.DELETE, PathShape.CLUSTER),
  START_JOB_RUN("StartJobRun", HttpMethod.POST, PathShape.RUNS),
  LIST_JOB_RUNS("ListJobRuns", HttpMethod.GET, PathShape.RUNS),
  DESCRIBE_JOB_RUN("DescribeJobRun", HttpMethod.GET, PathShape.RUN),
  CANCEL_JOB_RUN("CancelJobRun", HttpMethod.DELETE, PathShape.RUN);

  /** The paths: /virtualclusters[/{id}[/jobruns[/{jobRunId}]]]. */
  enum PathShape {
    CLUSTERS, CLUSTER, RUNS, RUN
  }

  private final String wireName;
  private final HttpMethod method;
  private final PathShape shape;

  Operation(String wireName, HttpMethod method, PathShape shape) {
    this.wireName = wireName;
    this.method = method;
    this.shape = shape;
  }

  String wireName() {
    return wireName;
  }

  HttpMethod method() {
    return method;
  }

  PathShape shape() {
    return shape;
  }
}
