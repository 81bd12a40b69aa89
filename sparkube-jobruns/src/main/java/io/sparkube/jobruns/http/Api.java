package io.sparkube.jobruns.http;

import io.sparkube.jobruns.auth.Caller;
import io.sparkube.jobruns.service.JobRunService;
import io.sparkube.jobruns.service.ListQuery;
import io.sparkube.jobruns.service.VirtualClusterService;
import io.sparkube.jobruns.validation.Shape;

/** Calls the service method of a route's operation, with the path ids checked as the model types them. */
final class Api {
  private final VirtualClusterService virtualClusters;
  private final JobRunService jobRuns;

  Api(VirtualClusterService virtualClusters, JobRunService jobRuns) {
    this.virtualClusters = virtualClusters;
    this.jobRuns = jobRuns;
  }

  /** The response body; runs on a worker thread, as the services block on the Kubernetes API. */
  Object invoke(Route route, Caller caller, byte[] body, ListQuery query) {
    var operation = route.operation();
    var clusterId = route.virtualClusterId() == null ? null
        : Shape.RESOURCE_ID.required(route.virtualClusterId(), clusterMember(operation));
    var runId = route.jobRunId() == null ? null : Shape.RESOURCE_ID.required(route.jobRunId(), "id");
    return switch (operation) {
      case CREATE_VIRTUAL_CLUSTER -> virtualClusters.create(body);
      case LIST_VIRTUAL_CLUSTERS -> virtualClusters.list(query);
      case DESCRIBE_VIRTUAL_CLUSTER -> virtualClusters.describe(clusterId);
      case DELETE_VIRTUAL_CLUSTER -> virtualClusters.delete(clusterId);
      case START_JOB_RUN -> jobRuns.start(clusterId, body, caller);
      case LIST_JOB_RUNS -> jobRuns.list(clusterId, query);
      case DESCRIBE_JOB_RUN -> jobRuns.describe(clusterId, runId);
      case CANCEL_JOB_RUN -> jobRuns.cancel(clusterId, runId);
    };
  }

  /** The member the path id stands for: "id" in the virtual-cluster operations, as the model names it. */
  private static String clusterMember(Operation operation) {
    return operation == Operation.DESCRIBE_VIRTUAL_CLUSTER || operation == Operation.DELETE_VIRTUAL_CLUSTER
        ? "id" : "virtualClusterId";
  }
}
