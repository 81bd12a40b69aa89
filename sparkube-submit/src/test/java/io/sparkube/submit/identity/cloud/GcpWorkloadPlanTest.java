package io.sparkube.submit.identity.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkube.submit.identity.IdentityParser;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GcpWorkloadPlanTest {
  private static CloudPlan plan(String email) {
    return CloudSidePlan.of(PlanInputs.of(IdentityParser.parse("--identity", "gcp:" + email), "jobs",
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true));
  }

  @Test
  void theServiceAccountMayActAsTheGoogleServiceAccount() {
    var plan = plan("etl-reader@my-project.iam.gserviceaccount.com");

    assertThat(plan.section("gcloud").text()).endsWith("""
        gcloud iam service-accounts add-iam-policy-binding \\
            etl-reader@my-project.iam.gserviceaccount.com \\
            --project my-project \\
            --role roles/iam.workloadIdentityUser \\
            --member "serviceAccount:my-project.svc.id.goog[jobs/spark-etl-reader]"
        """);
    assertThat(plan.section(ProviderPlan.TERRAFORM).text()).isEqualTo("""
        resource "google_service_account_iam_member" "spark-etl-reader_workload_identity" {
          service_account_id = "projects/-/serviceAccounts/etl-reader@my-project.iam.gserviceaccount.com"
          role               = "roles/iam.workloadIdentityUser"
          member             = "serviceAccount:my-project.svc.id.goog[jobs/spark-etl-reader]"
        }
        """);
    assertThat(plan.warnings()).isEmpty();
  }

  @Test
  void theProjectComesFromTheEmailWhereItIsThere() {
    assertThat(GcpWorkloadPlan.projectOf("etl-reader@my-project.iam.gserviceaccount.com")).contains("my-project");
    assertThat(GcpWorkloadPlan.projectOf("my-project@appspot.gserviceaccount.com")).contains("my-project");
    assertThat(GcpWorkloadPlan.projectOf("123456789-compute@developer.gserviceaccount.com")).isEmpty();

    assertThat(plan("123456789-compute@developer.gserviceaccount.com").section("gcloud").text())
        .contains("--project <project-id> \\\n")
        .contains("--member \"serviceAccount:<project-id>.svc.id.goog[jobs/spark-123456789-compute]\"");
  }
}
