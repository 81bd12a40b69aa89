package io.sparkube.model.config;

import java.util.regex.Pattern;

/** Kubernetes object-name rules (DNS-1123), with the wording used in error messages. */
public final class DnsNames {
  private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS_LABEL = Pattern.compile(LABEL);
  private static final Pattern DNS_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");

  public static final int LABEL_MAX = 63;
  public static final int SUBDOMAIN_MAX = 253;

  public static final String SUBDOMAIN_RULE = "a DNS-1123 subdomain: lower-case letters, digits,"
      + " '-' and '.', starting and ending with a letter or digit, at most 253 characters";
  public static final String LABEL_RULE = "a DNS-1123 label: lower-case letters, digits and '-',"
      + " starting and ending with a letter or digit, at most 63 characters";

  private DnsNames() {}

  public static boolean isSubdomain(String name) {
    return name.length() <= SUBDOMAIN_MAX && DNS_SUBDOMAIN.matcher(name).matches();
  }

  public static boolean isLabel(String name) {
    return name.length() <= LABEL_MAX && DNS_LABEL.matcher(name).matches();
  }
}
