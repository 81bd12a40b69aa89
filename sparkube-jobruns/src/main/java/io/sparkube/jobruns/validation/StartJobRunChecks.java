package io.sparkube.jobruns.validation;

import io.sparkube.jobruns.error.ApiException;
import io.sparkube.jobruns.wire.JobDriver.SparkSubmitJobDriver;
import io.sparkube.jobruns.wire.StartJobRunRequest;
import java.util.List;

/**
 * The checks of a StartJobRun request that need nothing but the request: members the API needs,
 * the model's lengths and patterns, and the features it does not offer, refused by name.
 */
public final class StartJobRunChecks {
  private StartJobRunChecks() {}

  /** The request's spark-submit driver, once everything the request alone decides is checked. */
  public static SparkSubmitJobDriver check(StartJobRunRequest request) {
    Shape.RESOURCE_NAME.optional(request.name(), "name");
    Shape.CLIENT_TOKEN.required(request.clientToken(), "clientToken");
    if (request.jobTemplateId() != null || request.jobTemplateParameters() != null) {
      throw ApiException.validation("job templates are not supported: jobTemplateId and jobTemplateParameters"
          + " cannot be used; give executionRoleArn, releaseLabel and jobDriver in the request itself");
    }
    Shape.IAM_ROLE_ARN.required(request.executionRoleArn(), "executionRoleArn");
    Shape.RELEASE_LABEL.required(request.releaseLabel(), "releaseLabel");
    var driver = Members.required(request.jobDriver(), "jobDriver");
    if (driver.sparkSqlJobDriver() != null) {
      throw ApiException.validation("jobDriver.sparkSqlJobDriver is not supported; run SQL through a"
          + " sparkSubmitJobDriver whose application runs it");
    }
    var submit = Members.required(driver.sparkSubmitJobDriver(), "jobDriver.sparkSubmitJobDriver");
    Shape.ENTRY_POINT.required(submit.entryPoint(), "jobDriver.sparkSubmitJobDriver.entryPoint");
    var arguments = submit.entryPointArguments() == null ? List.<String>of() : submit.entryPointArguments();
    for (int i = 0; i < arguments.size(); i++) {
      Shape.ENTRY_POINT_ARGUMENT.required(arguments.get(i), "jobDriver.sparkSubmitJobDriver.entryPointArguments[" + i
          + "]");
    }
    Shape.SPARK_SUBMIT_PARAMETERS.optional(submit.sparkSubmitParameters(),
        "jobDriver.sparkSubmitJobDriver.sparkSubmitParameters");
    if (request.configurationOverrides() != null) {
      MonitoringChecks.check(request.configurationOverrides().monitoringConfiguration(),
          "configurationOverrides.monitoringConfiguration");
    }
    Members.tags(request.tags(), "tags");
    if (request.retryPolicyConfiguration() != null) {
      var attempts = Members.required(request.retryPolicyConfiguration().maxAttempts(),
          "retryPolicyConfiguration.maxAttempts");
      Members.between(attempts, 1, Integer.MAX_VALUE, "retryPolicyConfiguration.maxAttempts");
    }
    return new SparkSubmitJobDriver(submit.entryPoint(), arguments, submit.sparkSubmitParameters());
  }
}
