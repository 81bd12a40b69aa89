package io.sparkube.submit;

import io.sparkube.model.SparkLine;
import io.sparkube.submit.access.DriverAccess;
import io.sparkube.submit.access.DriverRole;
import io.sparkube.submit.driver.DriverKeys;
import io.sparkube.submit.driver.DriverPlanner;
import io.sparkube.submit.driver.SubmissionIds;
import io.sparkube.submit.identity.AppliedIdentity;
import io.sparkube.submit.identity.IdentityConf;
import io.sparkube.submit.identity.JobIdentitySettings;
import java.util.Optional;

/**
 * Plans a whole job: writes its identity into the request, lets the driver planner build what
 * Spark's client would from that, and adds the driver's Role and RoleBinding. Makes no API calls.
 */
public final class JobPlanner {
  private final SparkLine line;
  private final String sparkVersion;
  private final Reporter reporter;

  public JobPlanner(SparkLine line, String sparkVersion, Reporter reporter) {
    this.line = line;
    this.sparkVersion = sparkVersion;
    this.reporter = reporter;
  }

  /** @param inject whether Sparkube adds the identity's token itself (see InjectionChoice) */
  public JobPlan plan(SubmitRequest request, SubmissionIds ids, JobIdentitySettings settings, boolean inject) {
    var applied = settings.binding().map(binding -> new IdentityConf(reporter).apply(request, binding, inject))
        .orElseGet(() -> new AppliedIdentity(request, Optional.empty(), Optional.empty(),
            request.conf().getOptional(DriverKeys.DRIVER_SERVICE_ACCOUNT).orElse("default"), false));
    var job = applied.request();
    if (settings.createRbac()) {
      job = job.withConf(DriverAccess.withoutUnusedClaimCalls(line, job.conf()));
    }
    var driver = new DriverPlanner(line, sparkVersion).plan(job, ids);
    if (settings.createRbac()) {
      var rules = DriverAccess.rules(line, job.conf());
      DriverAccess.caveats(job.conf()).forEach(reporter::warn);
      driver = driver.withPreResourcesFirst(DriverRole.objects(driver.namespace(), driver.driverPodName(),
          driver.appId(), applied.serviceAccountName(), rules));
    }
    return new JobPlan(applied.serviceAccount(), driver);
  }
}
