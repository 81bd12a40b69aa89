package io.sparkube.resources;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.Map;

/** Defaults a virtual cluster gives its job runs; a run's own settings win. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class VirtualClusterDefaults {
  @JsonPropertyDescription("Image per Spark line, e.g. {\"4.0\": \"registry.example.com/spark:4.0.2\"}.")
  private Map<String, String> images = new LinkedHashMap<>();

  @JsonPropertyDescription("Identity of runs that name none, as --identity takes it.")
  private String identity;

  @JsonPropertyDescription("Spark settings every run starts from.")
  private Map<String, String> sparkConf = new LinkedHashMap<>();

  public Map<String, String> getImages() {
    return images;
  }

  public void setImages(Map<String, String> images) {
    this.images = images == null ? new LinkedHashMap<>() : images;
  }

  public String getIdentity() {
    return identity;
  }

  public void setIdentity(String identity) {
    this.identity = identity;
  }

  public Map<String, String> getSparkConf() {
    return sparkConf;
  }

  public void setSparkConf(Map<String, String> sparkConf) {
    this.sparkConf = sparkConf == null ? new LinkedHashMap<>() : sparkConf;
  }
}
