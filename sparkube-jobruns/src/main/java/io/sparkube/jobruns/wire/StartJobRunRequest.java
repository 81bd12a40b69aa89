package io.sparkube.jobruns.wire;

import java.util.Map;

/**
 * StartJobRun's body, every member emr-containers defines (virtualClusterId travels in the path).
 * Members the API refuses, such as jobTemplateId, are still read, so the refusal can name them.
 */
public record StartJobRunRequest(
    String name,
    String clientToken,
    String executionRoleArn,
    String releaseLabel,
    JobDriver jobDriver,
    ConfigurationOverrides configurationOverrides,
    Map<String, String> tags,
    String jobTemplateId,
    Map<String, String> jobTemplateParameters,
    RetryPolicyConfiguration retryPolicyConfiguration) {}
