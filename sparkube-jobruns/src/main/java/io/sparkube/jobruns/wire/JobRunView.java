package io.sparkube.jobruns.wire;

import java.util.Map;

/** A job run as emr-containers describes it; what was asked is echoed from the stored request. */
public record JobRunView(
    String id,
    String name,
    String virtualClusterId,
    String arn,
    String state,
    String clientToken,
    String executionRoleArn,
    String releaseLabel,
    ConfigurationOverrides configurationOverrides,
    JobDriver jobDriver,
    String createdAt,
    String createdBy,
    String finishedAt,
    String stateDetails,
    String failureReason,
    Map<String, String> tags,
    RetryPolicyConfiguration retryPolicyConfiguration,
    RetryPolicyExecution retryPolicyExecution) {

  public record RetryPolicyExecution(int currentAttemptCount) {}
}
