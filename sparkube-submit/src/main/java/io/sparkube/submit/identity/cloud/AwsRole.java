package io.sparkube.submit.identity.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkube.submit.identity.RoleArn;

/** The IAM role both AWS providers trust a ServiceAccount with: its trust policy, created or replaced. */
final class AwsRole {
  static final String POLICY_FILE = "trust-policy.json";
  static final String POLICY_TITLE = "IAM trust policy (" + POLICY_FILE + ")";

  private final RoleArn role;
  private final ObjectNode trustPolicy;

  AwsRole(RoleArn role, ObjectNode statement) {
    this.role = role;
    this.trustPolicy = Json.object().put("Version", "2012-10-17");
    trustPolicy.putArray("Statement").add(statement);
  }

  ObjectNode trustPolicy() {
    return trustPolicy;
  }

  /** create-role for a new role, update-assume-role-policy for an existing one. */
  String commands() {
    var create = new ShellCommand("aws iam create-role").flag("--role-name", role.roleName());
    if (!role.path().equals("/")) {
      create.flag("--path", role.path());
    }
    create.flag("--assume-role-policy-document", "file://" + POLICY_FILE);
    var update = new ShellCommand("aws iam update-assume-role-policy").flag("--role-name", role.roleName())
        .flag("--policy-document", "file://" + POLICY_FILE);
    return "# Save the trust policy above as " + POLICY_FILE + ". For a new role:\n" + create.render()
        + "# Or for an existing role (this replaces its trust policy: to keep other trusts, add this statement to"
        + " them):\n" + update.render()
        + "# Then grant the role what the jobs read and write, e.g. aws iam attach-role-policy --role-name "
        + ShellCommand.quote(role.roleName()) + " --policy-arn <policy-arn>\n";
  }

  String terraform() {
    return Hcl.resource("aws_iam_role", resourceName(), Hcl.string("name", role.roleName()),
        Hcl.string("path", role.path()), Hcl.jsonencode("assume_role_policy", trustPolicy));
  }

  String resourceName() {
    return Hcl.name(role.roleName());
  }

  RoleArn arn() {
    return role;
  }
}
