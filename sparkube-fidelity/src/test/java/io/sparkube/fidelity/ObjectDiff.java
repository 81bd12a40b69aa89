package io.sparkube.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Field-by-field comparison of two captured submissions. Objects are paired by kind and position
 * among objects of that kind in creation order; the order of kinds is compared on its own, so one
 * misplaced object shows as one difference rather than as every field of every later object.
 */
final class ObjectDiff {
  private static final ObjectMapper JSON = Serialization.jsonMapper();
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_$-]+");
  private static final String SPARK_PROPERTIES = "spark.properties";

  private ObjectDiff() {}

  /** Every difference, allowed or not. */
  static List<Difference> compare(CapturedSubmission spark, CapturedSubmission ours) {
    var differences = new ArrayList<Difference>();
    var sparkKinds = kinds(spark.objects());
    var ourKinds = kinds(ours.objects());
    if (!sparkKinds.equals(ourKinds)) {
      differences.add(new Difference("(submission)", "", "creationOrder",
          JSON.valueToTree(sparkKinds), JSON.valueToTree(ourKinds)));
    }
    var sparkByKind = byKind(spark.objects());
    var ourByKind = byKind(ours.objects());
    var allKinds = new LinkedHashSet<>(sparkByKind.keySet());
    allKinds.addAll(ourByKind.keySet());
    for (var kind : allKinds) {
      var mine = sparkByKind.getOrDefault(kind, List.of());
      var theirs = ourByKind.getOrDefault(kind, List.of());
      for (int i = 0; i < Math.max(mine.size(), theirs.size()); i++) {
        var s = i < mine.size() ? tree(mine.get(i)) : null;
        var o = i < theirs.size() ? tree(theirs.get(i)) : null;
        var label = kind + "#" + i + " " + name(s != null ? s : o);
        diff(label, kind, "", s, o, differences);
      }
    }
    return differences;
  }

  /** The differences no allow-list entry covers. */
  static List<Difference> unexplained(CapturedSubmission spark, CapturedSubmission ours) {
    return compare(spark, ours).stream().filter(d -> !AllowList.allows(d)).toList();
  }

  private static void diff(String object, String kind, String path, JsonNode spark, JsonNode ours,
      List<Difference> out) {
    if (spark != null && ours != null && spark.isObject() && ours.isObject()) {
      var keys = new LinkedHashSet<String>();
      spark.fieldNames().forEachRemaining(keys::add);
      ours.fieldNames().forEachRemaining(keys::add);
      for (var key : keys) {
        diff(object, kind, path + segment(key), spark.get(key), ours.get(key), out);
      }
    } else if (spark != null && ours != null && spark.isArray() && ours.isArray()) {
      if (!spark.equals(ours) && sameElements(spark, ours)) {
        // One line naming the order on each side, instead of a difference per shifted field.
        out.add(new Difference(object, kind, trim(path), identities(spark), identities(ours), true));
        return;
      }
      for (int i = 0; i < Math.max(spark.size(), ours.size()); i++) {
        diff(object, kind, path + "[" + i + "]", spark.get(i), ours.get(i), out);
      }
    } else if (spark == null || !spark.equals(ours)) {
      out.add(new Difference(object, kind, trim(path), spark, ours));
    }
  }

  private static boolean sameElements(JsonNode spark, JsonNode ours) {
    if (spark.size() != ours.size()) {
      return false;
    }
    var remaining = new ArrayList<JsonNode>();
    ours.forEach(remaining::add);
    for (var element : spark) {
      if (!remaining.remove(element)) {
        return false;
      }
    }
    return true;
  }

  /** Each element's name (env, volumes, ports, containers) or, lacking one, the element. */
  private static JsonNode identities(JsonNode array) {
    var names = JSON.createArrayNode();
    array.forEach(e -> names.add(e.hasNonNull("name") ? e.get("name") : e));
    return names;
  }

  private static String trim(String path) {
    return path.startsWith(".") ? path.substring(1) : path;
  }

  /** The object as JSON, with spark.properties opened up into its comments and entries. */
  private static JsonNode tree(HasMetadata object) {
    ObjectNode tree = JSON.valueToTree(object);
    var data = tree.get("data");
    if ("ConfigMap".equals(object.getKind()) && data instanceof ObjectNode d
        && d.get(SPARK_PROPERTIES) != null && d.get(SPARK_PROPERTIES).isTextual()) {
      d.set(SPARK_PROPERTIES, JSON.valueToTree(PropertiesText.parse(d.get(SPARK_PROPERTIES).asText())));
    }
    return tree;
  }

  private static String segment(String key) {
    return PLAIN_KEY.matcher(key).matches() ? "." + key : "[\"" + key + "\"]";
  }

  private static String name(JsonNode tree) {
    return tree.path("metadata").path("name").asText("?");
  }

  private static List<String> kinds(List<HasMetadata> objects) {
    return objects.stream().map(HasMetadata::getKind).toList();
  }

  private static Map<String, List<HasMetadata>> byKind(List<HasMetadata> objects) {
    var map = new LinkedHashMap<String, List<HasMetadata>>();
    objects.forEach(o -> map.computeIfAbsent(o.getKind(), k -> new ArrayList<>()).add(o));
    return map;
  }
}
