package io.sparkube.submit.driver.order;

import io.sparkube.model.SparkLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings under a prefix in the order Spark iterates
 * {@code KubernetesUtils.parsePrefixedKeyValuePairs(conf, prefix)}, i.e.
 * {@code conf.getAllWithPrefix(prefix).toMap}:
 * <ol>
 *   <li>getAll maps the cloned conf's ConcurrentHashMap entries into a Scala mutable.HashSet of
 *       (key, value) tuples, so the values matter as much as the keys;</li>
 *   <li>the prefixed ones, prefix stripped, go into an immutable Map: insertion order up to four,
 *       the hash trie's order of the stripped keys beyond.</li>
 * </ol>
 * Env vars, secret mounts, secretKeyRefs and volumes all come out in this order.
 */
public final class SparkPrefixedPairs {
  private final ScalaHashes hashes;
  private final MutableHashSetOrder getAllOrder;
  private final ImmutableHashOrder mapOrder;

  public SparkPrefixedPairs(SparkLine line) {
    var scala = ScalaVersion.of(line);
    this.hashes = new ScalaHashes(scala);
    this.getAllOrder = MutableHashSetOrder.of(scala);
    this.mapOrder = ImmutableHashOrder.of(scala);
  }

  /**
   * @param settings the whole conf, in the order its settings were set
   * @return the settings under {@code prefix}, prefix removed, in Spark's iteration order
   */
  public Map<String, String> parse(Map<String, String> settings, String prefix) {
    var all = getAllOrder.order(SparkConfOrder.cloned(settings), e -> hashes.tuple2(e.getKey(), e.getValue()));
    var prefixed = new ArrayList<Map.Entry<String, String>>();
    for (var e : all) {
      if (e.getKey().startsWith(prefix)) {
        prefixed.add(Map.entry(e.getKey().substring(prefix.length()), e.getValue()));
      }
    }
    List<Map.Entry<String, String>> ordered = mapOrder.order(prefixed, e -> e.getKey().hashCode());
    var out = new LinkedHashMap<String, String>();
    ordered.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
