package io.sparkube.submit.identity.cloud;

import static io.sparkube.submit.identity.cloud.CloudSidePlanTest.inputs;
import static io.sparkube.submit.identity.cloud.CloudSidePlanTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sparkube.submit.identity.IdentityParser;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AzurePlansTest {
  private static final String ISSUER = "https://eastus.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/"
      + "11111111-1111-1111-1111-111111111111/";
  private static final String CLIENT = "aaaaaaaa-1111-2222-3333-444444444444";

  private static PlanInputs azure(String identity, Optional<String> group, Optional<String> name) {
    return PlanInputs.of(IdentityParser.parse("--identity", identity), "jobs", Optional.empty(),
        Optional.of(OidcIssuer.parse("--issuer", ISSUER)), Optional.empty(), group, name, true);
  }

  @Test
  void theCredentialTrustsTheExactIssuerForTheServiceAccount() throws Exception {
    var plan = CloudSidePlan.of(azure("azure:" + CLIENT + "@bbbbbbbb-1111-2222-3333-444444444444", Optional.empty(),
        Optional.empty()));

    var credential = json(plan.section(AzureWorkloadPlan.CREDENTIAL_TITLE).text());
    assertThat(credential.get("name").asText()).matches("sparkube-jobs-spark-" + CLIENT + "-[0-9a-f]{8}");
    assertThat(credential.get("issuer").asText()).isEqualTo(ISSUER);
    assertThat(credential.get("subject").asText()).isEqualTo("system:serviceaccount:jobs:spark-" + CLIENT);
    assertThat(credential.get("audiences")).extracting(JsonNode::asText).containsExactly("api://AzureADTokenExchange");
    assertThat(plan.warnings()).isEmpty();
  }

  @Test
  void theCommandsFillInWhatIsKnownAndLeavePlaceholders() {
    var name = AzureWorkloadPlan.credentialName("jobs", "spark-" + CLIENT);
    var unknown = CloudSidePlan.of(azure("azure:" + CLIENT, Optional.empty(), Optional.empty()))
        .section("Azure CLI").text();
    assertThat(unknown).contains("az identity list \\\n    --query \"[?clientId=='" + CLIENT + "']")
        .contains("az identity federated-credential create \\\n    --name " + name
            + " \\\n    --identity-name <identity-name> \\\n    --resource-group <resource-group> \\\n"
            + "    --issuer " + ISSUER + " \\\n    --subject system:serviceaccount:jobs:spark-" + CLIENT
            + " \\\n    --audiences api://AzureADTokenExchange\n")
        .contains("az ad app federated-credential create \\\n    --id " + CLIENT + " \\\n"
            + "    --parameters credential.json\n");

    var known = CloudSidePlan.of(azure("azure:" + CLIENT, Optional.of("rg-data"), Optional.of("etl-identity")));
    assertThat(known.section("Azure CLI").text()).doesNotContain("az identity list")
        .contains("--identity-name etl-identity \\\n    --resource-group rg-data \\\n");
    assertThat(known.section(ProviderPlan.TERRAFORM).text())
        .contains("resource \"azurerm_federated_identity_credential\" \"" + name + "\" {\n")
        .contains("  resource_group_name = \"rg-data\"\n")
        .contains("  parent_id           = \"/subscriptions/<subscription-id>/resourceGroups/rg-data/providers/"
            + "Microsoft.ManagedIdentity/userAssignedIdentities/etl-identity\"\n")
        .contains("  audience            = [\"api://AzureADTokenExchange\"]\n")
        .contains("  issuer              = \"" + ISSUER + "\"\n");
  }

  @Test
  void withoutATenantSubmitMayNeedOne() {
    var plan = CloudSidePlan.of(azure("azure:" + CLIENT, Optional.empty(), Optional.empty()));

    assertThat(plan.warnings()).singleElement().asString().contains("names no tenant")
        .contains("azure:" + CLIENT + "@<tenant-id>");
  }

  @Test
  void credentialNamesAreDeterministicBoundedAndApart() {
    var name = AzureWorkloadPlan.credentialName("jobs", "spark-etl");
    assertThat(AzureWorkloadPlan.credentialName("jobs", "spark-etl")).isEqualTo(name);
    assertThat(AzureWorkloadPlan.credentialName("a-b", "c")).isNotEqualTo(AzureWorkloadPlan.credentialName("a", "b-c"));
    var longest = AzureWorkloadPlan.credentialName("n".repeat(63), "s.".repeat(120) + "s");
    assertThat(longest).hasSizeLessThanOrEqualTo(120).matches("[A-Za-z0-9][A-Za-z0-9_-]{2,119}");
  }

  @Test
  void aadPodIdentityGetsAnIdentityAndABindingSelectingTheLabel() throws Exception {
    var plan = CloudSidePlan.of(PlanInputs.of(IdentityParser.parse("--identity", "azure-pod-identity:etl_Reader"),
        "jobs", Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("rg-data"),
        Optional.of("etl-identity"), false));

    var yaml = new ObjectMapper(new YAMLFactory());
    var documents = yaml.readerFor(JsonNode.class)
        .<JsonNode>readValues(plan.section(AadPodIdentityPlan.MANIFESTS_TITLE).text()).readAll();
    assertThat(documents).hasSize(2);
    var identity = documents.get(0);
    assertThat(identity.get("apiVersion").asText()).isEqualTo("aadpodidentity.k8s.io/v1");
    assertThat(identity.get("kind").asText()).isEqualTo("AzureIdentity");
    assertThat(identity.at("/metadata/name").asText()).isEqualTo("etl-reader");
    assertThat(identity.at("/metadata/namespace").asText()).isEqualTo("jobs");
    assertThat(identity.at("/spec/type").asInt()).isZero();
    assertThat(identity.at("/spec/resourceID").asText()).isEqualTo("/subscriptions/<subscription-id>/resourcegroups/"
        + "rg-data/providers/Microsoft.ManagedIdentity/userAssignedIdentities/etl-identity");
    assertThat(identity.at("/spec/clientID").asText()).isEqualTo("<client-id>");
    var binding = documents.get(1);
    assertThat(binding.get("kind").asText()).isEqualTo("AzureIdentityBinding");
    assertThat(binding.at("/spec/azureIdentity").asText()).isEqualTo("etl-reader");
    assertThat(binding.at("/spec/selector").asText()).isEqualTo("etl_Reader");
    assertThat(plan.section("Azure CLI").text()).contains("labelled aadpodidbinding=etl_Reader; Sparkube puts that label")
        .contains("--role \"Managed Identity Operator\"");
    assertThat(plan.section(CloudSidePlan.SERVICE_ACCOUNT).text()).contains("in pods labelled aadpodidbinding=etl_Reader");
  }

  @Test
  void aadPodIdentityHasNoTerraformAndSaysSo() {
    var plan = CloudSidePlan.of(inputs("azure-pod-identity:etl"));

    assertThat(plan.titles()).doesNotContain(ProviderPlan.TERRAFORM);
    assertThat(plan.warnings()).singleElement().asString().startsWith("no Terraform for aad-pod-identity");
  }
}
