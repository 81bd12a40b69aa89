package io.sparkube.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Server-side printing ({@code Accept: ...;as=Table;g=meta.k8s.io}), which is how {@code kubectl
 * get} learns its columns: without it kubectl shows only NAME and AGE. Pods and namespaces get
 * their usual columns; every other kind gets NAME and AGE.
 */
final class Tables {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Tables() {}

  static boolean wanted(String accept) {
    return accept != null && accept.contains("as=Table");
  }

  /** The Table for a stored list or object, as JSON. */
  static String of(String body) {
    var node = Serialization.unmarshal(body, JsonNode.class);
    var items = node.has("items") ? node.get("items") : JSON.arrayNode().add(node);
    var kind = node.path("kind").asText().replaceFirst("List$", "");
    if (node.has("items") && items.size() > 0) {
      kind = items.get(0).path("kind").asText(kind);
    }
    var table = JSON.objectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    table.set("metadata", JSON.objectNode().put("resourceVersion", node.path("metadata").path("resourceVersion")
        .asText("")));
    var columns = table.putArray("columnDefinitions");
    column(columns, "Name");
    switch (kind) {
      case "Pod" -> { column(columns, "Ready"); column(columns, "Status"); column(columns, "Restarts"); }
      case "Namespace" -> column(columns, "Status");
      default -> { }
    }
    column(columns, "Age");
    var rows = table.putArray("rows");
    for (var item : items) {
      var cells = JSON.arrayNode().add(item.path("metadata").path("name").asText());
      switch (kind) {
        case "Pod" -> podCells(item, cells);
        case "Namespace" -> cells.add(item.path("status").path("phase").asText("Active"));
        default -> { }
      }
      cells.add(age(item.path("metadata").path("creationTimestamp").asText()));
      var row = rows.addObject();
      row.set("cells", cells);
      row.set("object", item);
    }
    return Serialization.asJson(table);
  }

  private static void podCells(JsonNode pod, ArrayNode cells) {
    var statuses = pod.path("status").path("containerStatuses");
    int containers = pod.path("spec").path("containers").size();
    int ready = 0;
    int restarts = 0;
    for (var status : statuses) {
      ready += status.path("ready").asBoolean() ? 1 : 0;
      restarts += status.path("restartCount").asInt();
    }
    var phase = pod.path("status").path("phase").asText("Pending");
    var reason = pod.path("status").path("reason").asText("");
    var shown = pod.path("metadata").has("deletionTimestamp") ? "Terminating" : reason.isEmpty() ? phase : reason;
    cells.add(ready + "/" + containers).add(shown).add(restarts);
  }

  private static void column(ArrayNode columns, String name) {
    ObjectNode column = columns.addObject();
    column.put("name", name).put("type", name.equals("Restarts") ? "integer" : "string").put("format",
        name.equals("Name") ? "name" : "").put("description", "").put("priority", 0);
  }

  private static String age(String created) {
    try {
      var age = Duration.between(Instant.parse(created), Instant.now());
      long s = Math.max(0, age.toSeconds());
      return s < 120 ? s + "s" : s < 7200 ? s / 60 + "m" : s < 172800 ? s / 3600 + "h" : s / 86400 + "d";
    } catch (DateTimeParseException e) {
      return "<unknown>";
    }
  }
}
