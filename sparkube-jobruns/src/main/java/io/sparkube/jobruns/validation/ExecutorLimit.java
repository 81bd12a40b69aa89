package io.sparkube.jobruns.validation;

import io.sparkube.jobruns.error.ApiException;
import java.util.List;
import java.util.Map;

/**
 * A virtual cluster's maxExecutorsPerJob against what a run would ask for: its executor count, or
 * with dynamic allocation every bound of it, which must then be set (unbounded is Spark's default).
 */
public final class ExecutorLimit {
  private static final String INSTANCES = "spark.executor.instances";
  private static final String DYNAMIC = "spark.dynamicAllocation.enabled";
  private static final String MAX = "spark.dynamicAllocation.maxExecutors";
  private static final List<String> DYNAMIC_BOUNDS =
      List.of(INSTANCES, "spark.dynamicAllocation.minExecutors", "spark.dynamicAllocation.initialExecutors", MAX);
  /** Spark's executor count on Kubernetes when spark.executor.instances is unset. */
  private static final int SPARK_DEFAULT_INSTANCES = 2;

  private ExecutorLimit() {}

  /** @param conf the settings the run would get: the virtual cluster's defaults, its flags, its overrides */
  public static void check(Integer maxExecutorsPerJob, Map<String, String> conf, String virtualClusterId) {
    if (maxExecutorsPerJob == null) {
      return;
    }
    if (!"true".equalsIgnoreCase(conf.getOrDefault(DYNAMIC, "false").strip())) {
      var instances = conf.containsKey(INSTANCES) ? count(conf, INSTANCES) : SPARK_DEFAULT_INSTANCES;
      refuseAbove(instances, maxExecutorsPerJob, INSTANCES, virtualClusterId);
      return;
    }
    if (!conf.containsKey(MAX)) {
      throw ApiException.validation("virtual cluster " + virtualClusterId + " allows at most " + maxExecutorsPerJob
          + " executors a job, and dynamic allocation without " + MAX + " has no bound; set " + MAX + " to at most "
          + maxExecutorsPerJob);
    }
    for (var key : DYNAMIC_BOUNDS) {
      if (conf.containsKey(key)) {
        refuseAbove(count(conf, key), maxExecutorsPerJob, key, virtualClusterId);
      }
    }
  }

  private static void refuseAbove(int asked, int limit, String key, String virtualClusterId) {
    if (asked > limit) {
      throw ApiException.validation(key + "=" + asked + " exceeds the limit of virtual cluster " + virtualClusterId
          + ", at most " + limit + " executors a job; ask for fewer");
    }
  }

  private static int count(Map<String, String> conf, String key) {
    try {
      return Integer.parseInt(conf.get(key).strip());
    } catch (NumberFormatException e) {
      throw ApiException.validation(key + "=" + conf.get(key) + " is not a whole number; give a count such as 4");
    }
  }
}
