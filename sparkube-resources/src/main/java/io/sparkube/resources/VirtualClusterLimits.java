package io.sparkube.resources;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Limits on a virtual cluster's job runs; unset means no limit. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualClusterLimits {
  @JsonPropertyDescription("Runs submitted or running at once; further runs wait in PENDING.")
  private Integer maxConcurrentRuns;

  @JsonPropertyDescription("Largest spark.executor.instances (and dynamic allocation maximum) a run may ask for.")
  private Integer maxExecutorsPerJob;

  public Integer getMaxConcurrentRuns() {
    return maxConcurrentRuns;
  }

  public void setMaxConcurrentRuns(Integer maxConcurrentRuns) {
    this.maxConcurrentRuns = maxConcurrentRuns;
  }

  public Integer getMaxExecutorsPerJob() {
    return maxExecutorsPerJob;
  }

  public void setMaxExecutorsPerJob(Integer maxExecutorsPerJob) {
    this.maxExecutorsPerJob = maxExecutorsPerJob;
  }
}
