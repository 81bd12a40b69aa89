package io.sparkube.jobruns.validation;

import io.sparkube.jobruns.error.ApiException;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.resources.VirtualClusterSpec;
import io.sparkube.submit.identity.IdentityParser;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The identity a job run gets from its executionRoleArn, and whether its virtual cluster allows it.
 * The virtual cluster says how an IAM role reaches pods (IRSA or EKS Pod Identity) and which
 * identities its runs may use, as '*' globs over the --identity form.
 */
public final class IdentityPolicy {
  private static final Set<String> ROLE_PROVIDERS = Set.of("aws-irsa", "aws-pod-identity");

  private IdentityPolicy() {}

  /** The identity, as sparkube submit --identity takes it; refused when malformed or not allowed. */
  public static String identityFor(String executionRoleArn, String virtualClusterId, VirtualClusterSpec spec) {
    var provider = spec.getExecutionRoleIdentity() == null ? "aws-irsa" : spec.getExecutionRoleIdentity();
    if (!ROLE_PROVIDERS.contains(provider)) {
      throw ApiException.validation("virtual cluster " + virtualClusterId + " sets executionRoleIdentity="
          + provider + ", which cannot carry an IAM role; its administrator must set aws-irsa or aws-pod-identity");
    }
    var identity = provider + ":" + executionRoleArn;
    try {
      IdentityParser.parse("executionRoleArn", identity);
    } catch (SparkubeException e) {
      throw ApiException.validation(e.getMessage());
    }
    var allowed = spec.getAllowedIdentities();
    if (!allowed.isEmpty() && allowed.stream().noneMatch(glob -> matches(glob, identity))) {
      throw ApiException.validation("executionRoleArn " + executionRoleArn + " is not allowed in virtual cluster "
          + virtualClusterId + " (identity " + identity + "); its allowed identities are " + allowed);
    }
    return identity;
  }

  static boolean matches(String glob, String identity) {
    var regex = List.of(glob.split("\\*", -1)).stream().map(Pattern::quote).collect(Collectors.joining(".*"));
    return Pattern.compile(regex, Pattern.DOTALL).matcher(identity).matches();
  }
}
