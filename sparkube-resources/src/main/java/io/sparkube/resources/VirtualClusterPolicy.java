package io.sparkube.resources;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a virtual cluster allows its runs, checked in the same words by the API (before a run is
 * stored) and by the operator (before it is submitted, for runs made without the API).
 */
public final class VirtualClusterPolicy {
  /** The identity a run without one has, as --identity names it. */
  public static final String NO_IDENTITY = "none";

  private final VirtualCluster cluster;

  public VirtualClusterPolicy(VirtualCluster cluster) {
    this.cluster = cluster;
  }

  /** Why {@code identity} may not be used here, or empty when it may. */
  public Optional<String> refusedIdentity(String identity) {
    var allowed = cluster.getSpec().getAllowedIdentities();
    if (allowed.isEmpty() || allowed.stream().anyMatch(pattern -> matches(pattern, identity))) {
      return Optional.empty();
    }
    return Optional.of("identity " + identity + " is not allowed in virtual cluster " + cluster.getMetadata().getName()
        + "; it allows " + String.join(", ", allowed));
  }

  /** Why asking for {@code executors} executors is too many here, or empty when it is not. */
  public Optional<String> refusedExecutors(String key, int executors) {
    var limit = cluster.getSpec().getLimits().getMaxExecutorsPerJob();
    if (limit == null || executors <= limit) {
      return Optional.empty();
    }
    return Optional.of(key + "=" + executors + " is more than the " + limit + " executors virtual cluster "
        + cluster.getMetadata().getName() + " allows a job; ask for at most " + limit);
  }

  /** Whether a run may start while {@code active} of the cluster's runs are submitted or running. */
  public boolean roomFor(long active) {
    var limit = cluster.getSpec().getLimits().getMaxConcurrentRuns();
    return limit == null || active < limit;
  }

  static boolean matches(String glob, String value) {
    var regex = new StringBuilder();
    for (var part : glob.split("\\*", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return value.matches(regex.toString());
  }
}
