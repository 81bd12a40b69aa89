package io.sparkube.submit.identity.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkube.submit.identity.Identity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Azure workload identity: a federated identity credential on the managed identity (or app) trusts
 * tokens of the cluster's issuer whose {@code sub} is the ServiceAccount.
 */
final class AzureWorkloadPlan implements ProviderPlan {
  static final String CREDENTIAL_FILE = "credential.json";
  static final String CREDENTIAL_TITLE = "Federated identity credential (" + CREDENTIAL_FILE + ")";
  // Azure: 3-120 characters, letters, digits, '-' and '_', starting with a letter or digit.
  private static final int NAME_MAX = 120;

  private final PlanInputs inputs;
  private final Identity.AzureWorkload azure;
  private final OidcIssuer issuer;
  private final String audience;
  private final String name;

  AzureWorkloadPlan(PlanInputs inputs, Identity.AzureWorkload azure, String audience) {
    this.inputs = inputs;
    this.azure = azure;
    this.issuer = inputs.requiredIssuer();
    this.audience = audience;
    this.name = credentialName(inputs.namespace(), inputs.serviceAccount());
  }

  /**
   * {@code sparkube-NS-SA-<hash>}. Creating a credential under a taken name replaces it, and
   * "a-b"/"c" and "a"/"b-c" read the same once joined, so a hash of the pair keeps them apart.
   */
  static String credentialName(String namespace, String serviceAccount) {
    var hash = sha256(namespace + "/" + serviceAccount).substring(0, 8);
    var base = ("sparkube-" + namespace + "-" + serviceAccount).replace('.', '-');
    if (base.length() > NAME_MAX - hash.length() - 1) {
      base = base.substring(0, NAME_MAX - hash.length() - 1).replaceAll("-+$", "");
    }
    return base + "-" + hash;
  }

  ObjectNode credential() {
    var credential = Json.object().put("name", name).put("issuer", issuer.url()).put("subject", inputs.subject());
    credential.set("audiences", Json.array(audience));
    return credential;
  }

  @Override
  public List<PlanSection> sections() {
    var create = new ShellCommand("az identity federated-credential create").flag("--name", name)
        .flag("--identity-name", inputs.identityName(), "identity-name")
        .flag("--resource-group", inputs.resourceGroup(), "resource-group").flag("--issuer", issuer.url())
        .flag("--subject", inputs.subject()).flag("--audiences", audience);
    var commands = new StringBuilder();
    if (inputs.identityName().isEmpty() || inputs.resourceGroup().isEmpty()) {
      commands.append("# The managed identity's name and resource group, if you do not know them:\n")
          .append(new ShellCommand("az identity list").flag("--query", "[?clientId=='" + azure.clientId()
              + "'].{name:name, resourceGroup:resourceGroup}").flag("--output", "table").render()).append('\n');
    }
    commands.append("# A user-assigned managed identity takes at most 20 federated credentials.\n")
        .append(create.render()).append('\n')
        .append("# Or, if ").append(azure.clientId()).append(" is an app registration's client id:\n")
        .append(new ShellCommand("az ad app federated-credential create").flag("--id", azure.clientId())
            .flag("--parameters", CREDENTIAL_FILE).render())
        .append("# Then grant the identity what the jobs read and write, e.g. az role assignment create --assignee ")
        .append(azure.clientId()).append(" --role \"Storage Blob Data Contributor\" --scope <storage-account-id>\n");
    var sections = new ArrayList<PlanSection>();
    sections.add(new PlanSection(CREDENTIAL_TITLE, Json.pretty(credential())));
    sections.add(new PlanSection("Azure CLI", commands.toString()));
    if (inputs.terraform()) {
      var group = inputs.resourceGroup().orElse("<resource-group>");
      var identityId = "/subscriptions/<subscription-id>/resourceGroups/" + group
          + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + inputs.identityName().orElse("<identity-name>");
      sections.add(new PlanSection(TERRAFORM, Hcl.resource("azurerm_federated_identity_credential", Hcl.name(name),
          Hcl.string("name", name), Hcl.string("resource_group_name", group), Hcl.string("parent_id", identityId),
          Hcl.strings("audience", audience), Hcl.string("issuer", issuer.url()),
          Hcl.string("subject", inputs.subject()))));
    }
    return sections;
  }

  @Override
  public List<String> warnings() {
    var warnings = new ArrayList<>(Issuers.unreachableWarning(issuer, "Microsoft Entra ID"));
    if (azure.tenantId().isEmpty()) {
      warnings.add(azure.spec() + " names no tenant: where the cluster has no Azure workload identity webhook,"
          + " sparkube submit needs --identity azure:" + azure.clientId() + "@<tenant-id>");
    }
    return warnings;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
