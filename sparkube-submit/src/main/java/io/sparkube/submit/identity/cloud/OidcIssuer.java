package io.sparkube.submit.identity.cloud;

import io.sparkube.model.error.SparkubeException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The issuer ({@code iss}) of a cluster's ServiceAccount tokens, which a cloud trusts by URL. It is
 * kept exactly as written: Azure compares it with the tokens' {@code iss} character for character.
 */
public record OidcIssuer(String url) {
  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  static final String EXAMPLE = "https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

  /** @param source where the value came from, e.g. "--issuer", for the message */
  public static OidcIssuer parse(String source, String value) {
    var trimmed = value.strip();
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw invalid(source, value, "not a URL");
    }
    // AWS IAM registers OIDC providers by https URL only, and both clouds fetch the keys over https.
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw invalid(source, value, "not an https URL; clouds fetch an issuer's discovery document and keys over"
          + " https only");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw invalid(source, value, "an issuer URL has no user, query or fragment");
    }
    return new OidcIssuer(trimmed);
  }

  /** The issuer without {@code https://} or a trailing '/': IAM's name for the OIDC provider and its condition keys. */
  public String hostAndPath() {
    var rest = url.substring("https://".length());
    return rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
  }

  /**
   * Whether the cloud surely cannot fetch the discovery document: a name only the cluster or this
   * machine resolves, or a loopback or private address. Only literal addresses are checked; no DNS.
   */
  public boolean unreachableFromClouds() {
    var host = URI.create(url).getHost().toLowerCase(Locale.ROOT);
    if (!host.contains(".") && !host.startsWith("[")) {
      return true;
    }
    if (host.endsWith(".svc") || host.endsWith(".local") || host.endsWith(".internal")
        || host.endsWith(".localhost")) {
      return true;
    }
    if (IPV4.matcher(host).matches() || host.startsWith("[")) {
      try {
        // A literal (checked above, or bracketed IPv6) is parsed, never looked up.
        var address = InetAddress.getByName(host);
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
            || address.isAnyLocalAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return false;
  }

  private static SparkubeException invalid(String source, String value, String why) {
    return SparkubeException.invalidConfig(source + " " + value + ": " + why + "; give the issuer as the cluster"
        + " reports it, e.g. " + EXAMPLE);
  }
}
