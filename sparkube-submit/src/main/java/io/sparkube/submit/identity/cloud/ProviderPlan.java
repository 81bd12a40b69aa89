package io.sparkube.submit.identity.cloud;

import java.util.List;

/** The cloud side of one provider, made from checked {@link PlanInputs}. */
sealed interface ProviderPlan permits AwsIrsaPlan, EksPodIdentityPlan, AzureWorkloadPlan, AadPodIdentityPlan,
    GcpWorkloadPlan {
  String TERRAFORM = "Terraform";

  List<PlanSection> sections();

  default List<String> warnings() {
    return List.of();
  }
}
