package io.sparkube.fidelity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field where our object differs from Spark's. A value is null when that side lacks the field
 * (or the whole object).
 *
 * @param object which object, e.g. {@code ConfigMap#0 spark-drv-...-conf-map}
 * @param kind the object's kind, for allow-list entries that apply to one kind
 * @param orderOnly an array with the same elements in another order; the values then name them
 * @param path e.g. {@code spec.containers[0].env[3].value} or
 *     {@code data["spark.properties"].entries["spark.driver.host"]}
 */
record Difference(
    String object, String kind, String path, JsonNode spark, JsonNode ours, boolean orderOnly) {
  private static final int MAX_VALUE_CHARS = 300;

  Difference(String object, String kind, String path, JsonNode spark, JsonNode ours) {
    this(object, kind, path, spark, ours, false);
  }

  String describe() {
    return object + " " + path + (orderOnly ? " (same elements, other order)" : "")
        + "\n      spark: " + show(spark) + "\n      ours:  " + show(ours);
  }

  private static String show(JsonNode value) {
    if (value == null) {
      return "<absent>";
    }
    var text = value.toString();
    return text.length() <= MAX_VALUE_CHARS ? text
        : text.substring(0, MAX_VALUE_CHARS) + "... (" + text.length() + " chars)";
  }
}
