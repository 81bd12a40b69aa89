package io.sparkube.resources;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to run, as spark-submit would be told: the entry point, its arguments, spark-submit's own
 * parameters and settings, plus what the control plane adds (identity, retries, clean-up, cancel).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class SparkApplicationSpec {
  @JsonPropertyDescription("VirtualCluster (its name) whose defaults, limits and allowed identities apply.")
  private String virtualCluster;

  @JsonPropertyDescription("Name shown for the job run, e.g. the one given to start-job-run; the app name by default.")
  private String displayName;

  @JsonPropertyDescription("Spark release the job runs on, e.g. 4.0.2; it picks the line (3.5, 4.0, 4.1) and the image.")
  private String sparkVersion;

  @JsonPropertyDescription("Container image; by default the virtual cluster's image for the Spark line.")
  private String image;

  @Required
  @JsonPropertyDescription("The application jar or script, as spark-submit's primary resource (local:// or remote).")
  private String mainApplicationFile;

  @JsonPropertyDescription("Main class of a JVM application.")
  private String mainClass;

  @JsonPropertyDescription("Arguments passed to the application.")
  private List<String> arguments = new ArrayList<>();

  @JsonPropertyDescription("spark-submit flags, e.g. '--conf spark.executor.instances=2 --jars s3a://b/lib.jar'.")
  private String sparkSubmitParameters;

  @JsonPropertyDescription("Spark settings; they win over the flags and the virtual cluster's defaults.")
  private Map<String, String> sparkConf = new LinkedHashMap<>();

  @JsonPropertyDescription("Cloud identity of driver and executors, as sparkube submit --identity takes it.")
  private String identity;

  @JsonPropertyDescription("When and how often a failed run is submitted again.")
  private RestartPolicy restartPolicy;

  @JsonPropertyDescription("Seconds after the run ends before the application and its pods are deleted.")
  private Long ttlSecondsAfterFinished;

  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonPropertyDescription("true cancels the run: its driver is deleted and the state becomes CANCELLED.")
  private boolean suspend;

  public String getVirtualCluster() {
    return virtualCluster;
  }

  public void setVirtualCluster(String virtualCluster) {
    this.virtualCluster = virtualCluster;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getSparkVersion() {
    return sparkVersion;
  }

  public void setSparkVersion(String sparkVersion) {
    this.sparkVersion = sparkVersion;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public String getMainApplicationFile() {
    return mainApplicationFile;
  }

  public void setMainApplicationFile(String mainApplicationFile) {
    this.mainApplicationFile = mainApplicationFile;
  }

  public String getMainClass() {
    return mainClass;
  }

  public void setMainClass(String mainClass) {
    this.mainClass = mainClass;
  }

  public List<String> getArguments() {
    return arguments;
  }

  public void setArguments(List<String> arguments) {
    this.arguments = arguments == null ? new ArrayList<>() : arguments;
  }

  public String getSparkSubmitParameters() {
    return sparkSubmitParameters;
  }

  public void setSparkSubmitParameters(String sparkSubmitParameters) {
    this.sparkSubmitParameters = sparkSubmitParameters;
  }

  public Map<String, String> getSparkConf() {
    return sparkConf;
  }

  public void setSparkConf(Map<String, String> sparkConf) {
    this.sparkConf = sparkConf == null ? new LinkedHashMap<>() : sparkConf;
  }

  public String getIdentity() {
    return identity;
  }

  public void setIdentity(String identity) {
    this.identity = identity;
  }

  public RestartPolicy getRestartPolicy() {
    return restartPolicy;
  }

  public void setRestartPolicy(RestartPolicy restartPolicy) {
    this.restartPolicy = restartPolicy;
  }

  public Long getTtlSecondsAfterFinished() {
    return ttlSecondsAfterFinished;
  }

  public void setTtlSecondsAfterFinished(Long ttlSecondsAfterFinished) {
    this.ttlSecondsAfterFinished = ttlSecondsAfterFinished;
  }

  public boolean isSuspend() {
    return suspend;
  }

  public void setSuspend(boolean suspend) {
    this.suspend = suspend;
  }
}
