package io.sparkube.submit.identity.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.sparkube.submit.identity.Identity;
import io.sparkube.submit.identity.IdentityBindings;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The older aad-pod-identity: an AzureIdentity names the managed identity, and an
 * AzureIdentityBinding hands it to pods whose {@code aadpodidbinding} label is the binding.
 */
final class AadPodIdentityPlan implements ProviderPlan {
  static final String API_VERSION = "aadpodidentity.k8s.io/v1";
  static final String MANIFESTS_TITLE = "aad-pod-identity objects (kubectl apply -f -)";
  private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();

  private final PlanInputs inputs;
  private final Identity.AzurePodIdentity aad;

  AadPodIdentityPlan(PlanInputs inputs, Identity.AzurePodIdentity aad) {
    this.inputs = inputs;
    this.aad = aad;
  }

  /** The binding made an object name: label values may hold capitals and '_', names may not. */
  String identityObjectName() {
    return aad.binding().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
  }

  String resourceId() {
    return "/subscriptions/<subscription-id>/resourcegroups/" + inputs.resourceGroup().orElse("<resource-group>")
        + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + inputs.identityName().orElse("<identity-name>");
  }

  List<ObjectNode> manifests() {
    var identity = manifest("AzureIdentity", identityObjectName());
    // type 0: a user-assigned managed identity.
    identity.putObject("spec").put("type", 0).put("resourceID", resourceId()).put("clientID", "<client-id>");
    var binding = manifest("AzureIdentityBinding", identityObjectName() + "-binding");
    binding.putObject("spec").put("azureIdentity", identityObjectName()).put("selector", aad.binding());
    return List.of(identity, binding);
  }

  @Override
  public List<PlanSection> sections() {
    var yaml = String.join("---\n", manifests().stream().map(AadPodIdentityPlan::yaml).toList());
    var assignment = new ShellCommand("az role assignment create").flag("--role", "Managed Identity Operator")
        .flag("--assignee", Optional.empty(), "kubelet-identity-client-id").flag("--scope", resourceId());
    var commands = "# NMI hands the identity to pods labelled " + IdentityBindings.AAD_POD_IDENTITY_LABEL + "="
        + aad.binding() + "; Sparkube puts that label on the driver and executor pods.\n"
        + "# The cluster's kubelet identity must be allowed to assign the identity (its client id:\n"
        + "# az aks show --resource-group <cluster-resource-group> --name <cluster-name>"
        + " --query identityProfile.kubeletidentity.clientId --output tsv):\n" + assignment.render()
        + "# aad-pod-identity is deprecated; Azure workload identity replaces it: --identity azure:<client-id>@<tenant-id>\n";
    return List.of(new PlanSection(MANIFESTS_TITLE, yaml), new PlanSection("Azure CLI", commands));
  }

  @Override
  public List<String> warnings() {
    return inputs.terraform() ? List.of("no Terraform for aad-pod-identity: apply its objects with kubectl, or"
        + " wrap them in kubernetes_manifest resources") : List.of();
  }

  private ObjectNode manifest(String kind, String name) {
    var manifest = Json.object().put("apiVersion", API_VERSION).put("kind", kind);
    manifest.putObject("metadata").put("name", name).put("namespace", inputs.namespace());
    return manifest;
  }

  private static String yaml(ObjectNode manifest) {
    try {
      return YAML.writeValueAsString(manifest);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serializes", e);
    }
  }
}
