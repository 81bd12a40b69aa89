package io.sparkube.jobruns.service;

/** The ARNs the API writes, in the configured region and account, shaped as emr-containers' (note the ":/"). */
public record Arns(String region, String accountId) {
  public String virtualCluster(String virtualClusterId) {
    return "arn:aws:emr-containers:" + region + ":" + accountId + ":/virtualclusters/" + virtualClusterId;
  }

  public String jobRun(String virtualClusterId, String jobRunId) {
    return virtualCluster(virtualClusterId) + "/jobruns/" + jobRunId;
  }
}
