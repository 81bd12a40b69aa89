package io.sparkube.local.rbac;

import java.util.List;
import java.util.Optional;

/** Who a request is made by, as the authorizer sees it: a user name and the groups it belongs to. */
public record UserInfo(String name, List<String> groups) {
  public static final String AUTHENTICATED = "system:authenticated";
  /** kube-apiserver's superuser group: its members may do anything, whatever RBAC says. */
  public static final String MASTERS = "system:masters";
  public static final String SERVICE_ACCOUNTS = "system:serviceaccounts";
  private static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";

  public UserInfo {
    groups = List.copyOf(groups);
  }

  /** A ServiceAccount's user with the groups kube-apiserver gives every ServiceAccount token. */
  public static UserInfo serviceAccount(String namespace, String name) {
    return new UserInfo(serviceAccountName(namespace, name), serviceAccountGroups(namespace));
  }

  public static String serviceAccountName(String namespace, String name) {
    return SERVICE_ACCOUNT_PREFIX + namespace + ":" + name;
  }

  public static List<String> serviceAccountGroups(String namespace) {
    return List.of(SERVICE_ACCOUNTS, SERVICE_ACCOUNTS + ":" + namespace, AUTHENTICATED);
  }

  /** A ServiceAccount, named by its user name {@code system:serviceaccount:NS:NAME}. */
  public record ServiceAccountRef(String namespace, String name) {}

  /** The ServiceAccount a user name stands for; empty for any other name. */
  public static Optional<ServiceAccountRef> serviceAccountOf(String userName) {
    if (!userName.startsWith(SERVICE_ACCOUNT_PREFIX)) {
      return Optional.empty();
    }
    var parts = userName.substring(SERVICE_ACCOUNT_PREFIX.length()).split(":", -1);
    return parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()
        ? Optional.of(new ServiceAccountRef(parts[0], parts[1])) : Optional.empty();
  }

  boolean isSuperuser() {
    return groups.contains(MASTERS);
  }
}
