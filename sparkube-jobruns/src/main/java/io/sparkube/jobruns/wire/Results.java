package io.sparkube.jobruns.wire;

import java.util.List;

/** The response bodies of the eight operations. */
public final class Results {
  private Results() {}

  public record CreateVirtualCluster(String id, String name, String arn) {}

  public record DescribeVirtualCluster(VirtualClusterView virtualCluster) {}

  /** @param nextToken null on the last page */
  public record ListVirtualClusters(List<VirtualClusterView> virtualClusters, String nextToken) {}

  public record DeleteVirtualCluster(String id) {}

  public record StartJobRun(String id, String name, String arn, String virtualClusterId) {}

  public record DescribeJobRun(JobRunView jobRun) {}

  /** @param nextToken null on the last page */
  public record ListJobRuns(List<JobRunView> jobRuns, String nextToken) {}

  public record CancelJobRun(String id, String virtualClusterId) {}
}
