package io.sparkube.submit.identity;

import java.util.Optional;
import java.util.regex.Pattern;

/** An IAM role ARN, split into the parts a trust policy and a ServiceAccount name need. */
public record RoleArn(String arn, String partition, String accountId, String path, String roleName) {
  // IAM: role names are 1-64 of [\w+=,.@-]; a path is /, or /segments/ of the same characters.
  private static final Pattern ARN = Pattern.compile(
      "arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):iam::(\\d{12}):role((?:/[\\w+=,.@-]+)*)/([\\w+=,.@-]{1,64})");
  static final String FORMAT = "arn:aws:iam::<12-digit account>:role/[<path>/]<role name>";

  /** The parsed ARN, or empty when {@code value} is not a role ARN. */
  static Optional<RoleArn> parse(String value) {
    var m = ARN.matcher(value);
    if (!m.matches()) {
      return Optional.empty();
    }
    var path = m.group(3).isEmpty() ? "/" : m.group(3) + "/";
    return Optional.of(new RoleArn(value, m.group(1), m.group(2), path, m.group(4)));
  }
}
