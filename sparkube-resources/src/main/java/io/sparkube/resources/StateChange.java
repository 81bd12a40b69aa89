package io.sparkube.resources;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of a run's history: the state it entered, when (ISO-8601), and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StateChange {
  private JobRunState state;
  private String at;
  private String details;

  public StateChange() {}

  public StateChange(JobRunState state, String at, String details) {
    this.state = state;
    this.at = at;
    this.details = details;
  }

  public JobRunState getState() {
    return state;
  }

  public void setState(JobRunState state) {
    this.state = state;
  }

  public String getAt() {
    return at;
  }

  public void setAt(String at) {
    this.at = at;
  }

  public String getDetails() {
    return details;
  }

  public void setDetails(String details) {
    this.details = details;
  }
}
