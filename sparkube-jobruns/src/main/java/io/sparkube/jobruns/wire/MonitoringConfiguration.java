package io.sparkube.jobruns.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where EMR would ship logs and keep the Spark UI. Stored with the run and echoed; nothing acts on it yet. */
public record MonitoringConfiguration(
    @JsonProperty("persistentAppUI") String persistentAppUI,
    CloudWatch cloudWatchMonitoringConfiguration,
    S3 s3MonitoringConfiguration,
    LogRotation containerLogRotationConfiguration,
    ManagedLogs managedLogs) {

  public record CloudWatch(String logGroupName, String logStreamNamePrefix) {}

  public record S3(String logUri, String encryptionKeyArn) {}

  public record LogRotation(String rotationSize, Integer maxFilesToKeep) {}

  public record ManagedLogs(@JsonProperty("allowAWSToRetainLogs") String allowAWSToRetainLogs,
      String encryptionKeyArn) {}
}
