package io.sparkube.resources;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** What has happened to a run, written only by the operator; times are ISO-8601 UTC. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SparkApplicationStatus {
  private JobRunState state;

  @JsonPropertyDescription("Why the run is in its state, in a sentence.")
  private String stateDetails;

  private FailureReason failureReason;

  @JsonPropertyDescription("The current run, from 1; it grows with each retry.")
  private Integer attempt;

  @JsonPropertyDescription("spark.app.id of the current attempt: the spark-app-selector label of its pods.")
  private String appId;

  private String driverPod;

  private Integer driverExitCode;

  @JsonPropertyDescription("The driver container's termination reason, e.g. Completed, Error, OOMKilled.")
  private String driverReason;

  private String submittedAt;

  private String finishedAt;

  @JsonPropertyDescription("When the next attempt is submitted, while a retry waits out its backoff.")
  private String nextAttemptAt;

  private List<StateChange> history = new ArrayList<>();

  public JobRunState getState() {
    return state;
  }

  public void setState(JobRunState state) {
    this.state = state;
  }

  public String getStateDetails() {
    return stateDetails;
  }

  public void setStateDetails(String stateDetails) {
    this.stateDetails = stateDetails;
  }

  public FailureReason getFailureReason() {
    return failureReason;
  }

  public void setFailureReason(FailureReason failureReason) {
    this.failureReason = failureReason;
  }

  public Integer getAttempt() {
    return attempt;
  }

  public void setAttempt(Integer attempt) {
    this.attempt = attempt;
  }

  public String getAppId() {
    return appId;
  }

  public void setAppId(String appId) {
    this.appId = appId;
  }

  public String getDriverPod() {
    return driverPod;
  }

  public void setDriverPod(String driverPod) {
    this.driverPod = driverPod;
  }

  public Integer getDriverExitCode() {
    return driverExitCode;
  }

  public void setDriverExitCode(Integer driverExitCode) {
    this.driverExitCode = driverExitCode;
  }

  public String getDriverReason() {
    return driverReason;
  }

  public void setDriverReason(String driverReason) {
    this.driverReason = driverReason;
  }

  public String getSubmittedAt() {
    return submittedAt;
  }

  public void setSubmittedAt(String submittedAt) {
    this.submittedAt = submittedAt;
  }

  public String getFinishedAt() {
    return finishedAt;
  }

  public void setFinishedAt(String finishedAt) {
    this.finishedAt = finishedAt;
  }

  public String getNextAttemptAt() {
    return nextAttemptAt;
  }

  public void setNextAttemptAt(String nextAttemptAt) {
    this.nextAttemptAt = nextAttemptAt;
  }

  public List<StateChange> getHistory() {
    return history;
  }

  public void setHistory(List<StateChange> history) {
    this.history = history == null ? new ArrayList<>() : history;
  }
}
