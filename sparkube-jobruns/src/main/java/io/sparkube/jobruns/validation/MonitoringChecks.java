package io.sparkube.jobruns.validation;

import io.sparkube.jobruns.wire.MonitoringConfiguration;
import java.util.List;

/**
 * The model's checks on monitoringConfiguration. Nothing acts on it yet, but it is stored with the
 * run and echoed back, so it must be what the model allows.
 */
final class MonitoringChecks {
  private static final List<String> ENABLED_DISABLED = List.of("ENABLED", "DISABLED");

  private MonitoringChecks() {}

  static void check(MonitoringConfiguration monitoring, String member) {
    if (monitoring == null) {
      return;
    }
    Members.oneOf(monitoring.persistentAppUI(), ENABLED_DISABLED, member + ".persistentAppUI");
    var cloudWatch = monitoring.cloudWatchMonitoringConfiguration();
    if (cloudWatch != null) {
      var at = member + ".cloudWatchMonitoringConfiguration";
      Shape.LOG_GROUP_NAME.required(cloudWatch.logGroupName(), at + ".logGroupName");
      Shape.STRING_256.optional(cloudWatch.logStreamNamePrefix(), at + ".logStreamNamePrefix");
    }
    var s3 = monitoring.s3MonitoringConfiguration();
    if (s3 != null) {
      Shape.URI.required(s3.logUri(), member + ".s3MonitoringConfiguration.logUri");
      Shape.KMS_KEY_ARN.optional(s3.encryptionKeyArn(), member + ".s3MonitoringConfiguration.encryptionKeyArn");
    }
    var rotation = monitoring.containerLogRotationConfiguration();
    if (rotation != null) {
      var at = member + ".containerLogRotationConfiguration";
      Shape.ROTATION_SIZE.required(rotation.rotationSize(), at + ".rotationSize");
      Members.between(Members.required(rotation.maxFilesToKeep(), at + ".maxFilesToKeep"), 1, 50,
          at + ".maxFilesToKeep");
    }
    var managed = monitoring.managedLogs();
    if (managed != null) {
      Members.oneOf(managed.allowAWSToRetainLogs(), ENABLED_DISABLED, member + ".managedLogs.allowAWSToRetainLogs");
      Shape.KMS_KEY_ARN.optional(managed.encryptionKeyArn(), member + ".managedLogs.encryptionKeyArn");
    }
  }
}
