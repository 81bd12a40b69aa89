package io.sparkube.submit.driver.order;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The order in which a SparkConf's ConcurrentHashMap yields its settings after Spark has cloned
 * it (KubernetesDriverConf holds {@code sparkConf.clone()}, a fresh map filled in the original's
 * order). We use real ConcurrentHashMaps so the table sizes, bins and resize splits are the JDK's
 * own. Only settings sharing a bin depend on insertion order; ours is the order the submission's
 * settings were parsed in, an approximation of the order SparkSubmit sets them.
 */
public final class SparkConfOrder {
  private SparkConfOrder() {}

  /** The settings of a cloned SparkConf that was filled with {@code settings} in their order. */
  public static List<Map.Entry<String, String>> cloned(Map<String, String> settings) {
    var original = new ConcurrentHashMap<String, String>();
    settings.forEach(original::put);
    var clone = new ConcurrentHashMap<String, String>();
    for (var e : original.entrySet()) {
      clone.put(e.getKey(), e.getValue());
    }
    return clone.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList();
  }
}
