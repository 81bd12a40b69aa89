package io.sparkube.submit.identity;

import io.sparkube.model.error.SparkubeException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an {@code --identity} value. Every malformed value fails here, before anything is
 * created, with the format the provider expects.
 */
public final class IdentityParser {
  static final String FORMATS = "aws-irsa:<role-arn>, aws-pod-identity:<role-arn>, azure:<client-id>[@<tenant-id>],"
      + " azure-pod-identity:<binding>, gcp:<gsa-email> or none";
  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  // A label value: aad-pod-identity matches the pod's aadpodidbinding label against it.
  private static final Pattern LABEL_VALUE = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
  // name@project.iam.gserviceaccount.com (6-30 characters each), or a project's default accounts.
  private static final Pattern GSA = Pattern.compile(
      "[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9-]{4,28}[a-z0-9]\\.iam\\.gserviceaccount\\.com"
          + "|\\d+-compute@developer\\.gserviceaccount\\.com"
          + "|[a-z][a-z0-9-]{4,28}[a-z0-9]@appspot\\.gserviceaccount\\.com");

  private IdentityParser() {}

  /** @param source where the value came from, e.g. "--identity", for the message */
  public static Identity parse(String source, String value) {
    var trimmed = value.strip();
    if (trimmed.equals("none")) {
      return new Identity.None();
    }
    int colon = trimmed.indexOf(':');
    if (colon < 0) {
      throw invalid(source, value, "no provider; expected " + FORMATS);
    }
    var provider = trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
    var rest = trimmed.substring(colon + 1);
    return switch (provider) {
      case "aws-irsa" -> new Identity.AwsIrsa(roleArn(source, value, rest));
      case "aws-pod-identity" -> new Identity.AwsPodIdentity(roleArn(source, value, rest));
      case "azure" -> azure(source, value, rest);
      case "azure-pod-identity" -> {
        if (!LABEL_VALUE.matcher(rest).matches()) {
          throw invalid(source, value, "the binding must be a label value (1-63 letters, digits, '-', '_' or '.',"
              + " starting and ending with a letter or digit); expected azure-pod-identity:<binding>");
        }
        yield new Identity.AzurePodIdentity(rest);
      }
      case "gcp" -> {
        if (!GSA.matcher(rest).matches()) {
          throw invalid(source, value, "not a Google service account email; expected gcp:<name>@<project>"
              + ".iam.gserviceaccount.com");
        }
        yield new Identity.GcpWorkload(rest);
      }
      default -> throw invalid(source, value, "unknown provider '" + provider + "'; expected " + FORMATS);
    };
  }

  private static RoleArn roleArn(String source, String value, String arn) {
    return RoleArn.parse(arn).orElseThrow(() -> invalid(source, value,
        "not an IAM role ARN; expected " + value.substring(0, value.indexOf(':') + 1) + RoleArn.FORMAT));
  }

  private static Identity azure(String source, String value, String rest) {
    int at = rest.indexOf('@');
    var clientId = at < 0 ? rest : rest.substring(0, at);
    var tenant = at < 0 ? Optional.<String>empty() : Optional.of(rest.substring(at + 1));
    if (!GUID.matcher(clientId).matches() || tenant.filter(t -> !GUID.matcher(t).matches()).isPresent()) {
      throw invalid(source, value, "the client id and tenant id must be GUIDs; expected"
          + " azure:<client-id>[@<tenant-id>], e.g. azure:00000000-0000-0000-0000-000000000000");
    }
    return new Identity.AzureWorkload(clientId.toLowerCase(Locale.ROOT), tenant.map(t -> t.toLowerCase(Locale.ROOT)));
  }

  private static SparkubeException invalid(String source, String value, String why) {
    return SparkubeException.invalidConfig(source + " " + value + ": " + why);
  }
}
