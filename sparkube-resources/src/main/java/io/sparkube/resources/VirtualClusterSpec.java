package io.sparkube.resources;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A virtual cluster: where its runs go, what they get by default, and what they may do. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class VirtualClusterSpec {
  @JsonPropertyDescription("Name given at creation, e.g. by create-virtual-cluster.")
  private String displayName;

  @Required
  @JsonPropertyDescription("Namespace the job runs' pods run in.")
  private String namespace;

  @JsonPropertyDescription("The Kubernetes cluster's name, as create-virtual-cluster's containerProvider.id.")
  private String containerProviderId;

  @JsonPropertyDescription("What a job run gets unless it says otherwise.")
  private VirtualClusterDefaults defaults = new VirtualClusterDefaults();

  @JsonPropertyDescription("Limits on the job runs.")
  private VirtualClusterLimits limits = new VirtualClusterLimits();

  @JsonPropertyDescription("Identities job runs may use, as --identity takes them; '*' matches any run of"
      + " characters. Empty: any identity.")
  private List<String> allowedIdentities = new ArrayList<>();

  @JsonPropertyDescription("How a job run's executionRoleArn becomes its identity: aws-irsa or aws-pod-identity.")
  private String executionRoleIdentity = "aws-irsa";

  private Map<String, String> tags = new LinkedHashMap<>();

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public String getContainerProviderId() {
    return containerProviderId;
  }

  public void setContainerProviderId(String containerProviderId) {
    this.containerProviderId = containerProviderId;
  }

  public VirtualClusterDefaults getDefaults() {
    return defaults;
  }

  public void setDefaults(VirtualClusterDefaults defaults) {
    this.defaults = defaults == null ? new VirtualClusterDefaults() : defaults;
  }

  public VirtualClusterLimits getLimits() {
    return limits;
  }

  public void setLimits(VirtualClusterLimits limits) {
    this.limits = limits == null ? new VirtualClusterLimits() : limits;
  }

  public List<String> getAllowedIdentities() {
    return allowedIdentities;
  }

  public void setAllowedIdentities(List<String> allowedIdentities) {
    this.allowedIdentities = allowedIdentities == null ? new ArrayList<>() : allowedIdentities;
  }

  public String getExecutionRoleIdentity() {
    return executionRoleIdentity;
  }

  public void setExecutionRoleIdentity(String executionRoleIdentity) {
    this.executionRoleIdentity = executionRoleIdentity;
  }

  public Map<String, String> getTags() {
    return tags;
  }

  public void setTags(Map<String, String> tags) {
    this.tags = tags == null ? new LinkedHashMap<>() : tags;
  }
}
