package io.sparkube.operator.reconciler;

import io.sparkube.resources.JobRunState;
import io.sparkube.resources.SparkApplication;
import io.sparkube.resources.VirtualClusterPolicy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a virtual cluster's concurrent runs within its limit. The cache shows a run as active only
 * once its status is written, and runs are reconciled in parallel, so runs admitted in between
 * are counted here until the cache shows them.
 */
final class Admissions {
  private final Map<String, Set<String>> admittedByCluster = new HashMap<>();

  /** Whether {@code run} may start, counting {@code runsOfCluster} as the cache shows them. */
  synchronized boolean admit(String cluster, String run, VirtualClusterPolicy policy, List<SparkApplication> runsOfCluster) {
    var admitted = admittedByCluster.computeIfAbsent(cluster, c -> new HashSet<>());
    long active = 0;
    for (var other : runsOfCluster) {
      var key = key(other);
      if (isActive(other)) {
        active++;
        admitted.remove(key);
      } else if (isFinal(other)) {
        admitted.remove(key);
      }
    }
    if (admitted.contains(run)) {
      return true;
    }
    if (!policy.roomFor(active + admitted.size())) {
      return false;
    }
    admitted.add(run);
    return true;
  }

  /** Whether a run could start now, without taking a place: for observing, not acting. */
  synchronized boolean hasRoom(String cluster, VirtualClusterPolicy policy, List<SparkApplication> runsOfCluster) {
    var admitted = admittedByCluster.getOrDefault(cluster, Set.of());
    long active = runsOfCluster.stream().filter(Admissions::isActive).count();
    long waitingToShow = admitted.stream().filter(run -> runsOfCluster.stream()
        .noneMatch(other -> key(other).equals(run) && (isActive(other) || isFinal(other)))).count();
    return policy.roomFor(active + waitingToShow);
  }

  /** A run whose submission failed no longer holds a place. */
  synchronized void withdraw(String cluster, String run) {
    var admitted = admittedByCluster.get(cluster);
    if (admitted != null) {
      admitted.remove(run);
    }
  }

  static String key(SparkApplication app) {
    return app.getMetadata().getNamespace() + "/" + app.getMetadata().getName();
  }

  private static boolean isActive(SparkApplication app) {
    var state = app.getStatus() == null ? null : app.getStatus().getState();
    return state == JobRunState.SUBMITTED || state == JobRunState.RUNNING || state == JobRunState.CANCEL_PENDING;
  }

  private static boolean isFinal(SparkApplication app) {
    return app.getStatus() != null && app.getStatus().getState() != null && app.getStatus().getState().isFinal();
  }
}
