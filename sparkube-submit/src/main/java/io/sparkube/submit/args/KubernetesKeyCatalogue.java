package io.sparkube.submit.args;

import io.sparkube.model.SparkLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every spark.kubernetes.* key each Spark line knows, read once from
 * kubernetes-keys-&lt;line&gt;.txt (generated from that release's Config.scala and the core keys
 * it reads). A key ending in '.' is a prefix family, e.g. spark.kubernetes.driver.label.
 */
final class KubernetesKeyCatalogue {
  private static final Map<SparkLine, KubernetesKeyCatalogue> BY_LINE = load();

  private final Set<String> keys;
  private final List<String> prefixes;

  private KubernetesKeyCatalogue(Set<String> keys, List<String> prefixes) {
    this.keys = keys;
    this.prefixes = prefixes;
  }

  static KubernetesKeyCatalogue of(SparkLine line) {
    return BY_LINE.get(line);
  }

  boolean knows(String key) {
    return keys.contains(key) || prefixes.stream().anyMatch(p -> key.startsWith(p) && key.length() > p.length());
  }

  /**
   * Candidates for a "did you mean" hint about {@code key}: the exact keys, and each prefix family
   * completed with the tail of {@code key} after as many segments, so a misspelt
   * spark.kubernetes.driver.lable.team suggests spark.kubernetes.driver.label.team.
   */
  List<String> candidatesFor(String key) {
    var all = new ArrayList<>(keys);
    var segments = key.split("\\.", -1);
    for (var prefix : prefixes) {
      int depth = prefix.split("\\.").length;
      var tail = segments.length > depth
          ? String.join(".", java.util.Arrays.copyOfRange(segments, depth, segments.length))
          : "";
      all.add(prefix + tail);
    }
    return all;
  }

  private static Map<SparkLine, KubernetesKeyCatalogue> load() {
    var out = new EnumMap<SparkLine, KubernetesKeyCatalogue>(SparkLine.class);
    for (var line : SparkLine.values()) {
      var resource = "kubernetes-keys-" + line.line() + ".txt";
      var in = KubernetesKeyCatalogue.class.getResourceAsStream(resource);
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource + " for Spark " + line);
      }
      var keys = new TreeSet<String>();
      var prefixes = new ArrayList<String>();
      try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .forEach(l -> (l.endsWith(".") ? prefixes : keys).add(l));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.put(line, new KubernetesKeyCatalogue(Set.copyOf(keys), List.copyOf(prefixes)));
    }
    return out;
  }
}
