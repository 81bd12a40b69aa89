package io.sparkube.resources;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A virtual cluster's state; deleting one through the API keeps it, TERMINATED, as EMR does. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualClusterStatus {
  private VirtualClusterState state;
  private String stateDetails;

  public VirtualClusterState getState() {
    return state;
  }

  public void setState(VirtualClusterState state) {
    this.state = state;
  }

  public String getStateDetails() {
    return stateDetails;
  }

  public void setStateDetails(String stateDetails) {
    this.stateDetails = stateDetails;
  }
}
