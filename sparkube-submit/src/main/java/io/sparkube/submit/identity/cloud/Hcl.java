package io.sparkube.submit.identity.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Terraform text. A JSON document becomes the HCL object {@code jsonencode} turns back into the
 * same document, so the Terraform and the printed JSON cannot drift apart.
 */
final class Hcl {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private Hcl() {}

  /** One attribute of a block: its name and an HCL expression. */
  record Attribute(String name, String expression) {}

  static Attribute string(String name, String value) {
    return new Attribute(name, quote(value));
  }

  static Attribute strings(String name, String... values) {
    return new Attribute(name, List.of(values).stream().map(Hcl::quote).collect(Collectors.joining(", ", "[", "]")));
  }

  static Attribute jsonencode(String name, JsonNode document) {
    // Resource attributes sit two spaces in.
    return new Attribute(name, "jsonencode(" + expression(document, "  ") + ")");
  }

  /** {@code resource "type" "name" { ... }} with the attributes aligned as terraform fmt aligns them. */
  static String resource(String type, String name, Attribute... attributes) {
    return "resource " + quote(type) + " " + quote(name) + " " + body(List.of(attributes), "") + "\n";
  }

  /** A resource name from any text: Terraform names are letters, digits, '_' and '-', not starting with a digit. */
  static String name(String text) {
    var name = text.replaceAll("[^A-Za-z0-9_-]", "_");
    return Character.isDigit(name.charAt(0)) || name.charAt(0) == '-' ? "_" + name : name;
  }

  static String quote(String value) {
    var escaped = value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
        .replace("${", "$${").replace("%{", "%%{");
    return "\"" + escaped + "\"";
  }

  private static String expression(JsonNode node, String indent) {
    if (node.isObject()) {
      var attributes = new ArrayList<Attribute>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        var key = IDENTIFIER.matcher(field.getKey()).matches() ? field.getKey() : quote(field.getKey());
        attributes.add(new Attribute(key, expression(field.getValue(), indent + "  ")));
      }
      return body(attributes, indent);
    }
    if (node.isArray()) {
      var elements = StreamSupport.stream(node.spliterator(), false).map(e -> expression(e, indent)).toList();
      return elements.stream().collect(Collectors.joining(", ", "[", "]"));
    }
    return node.isTextual() ? quote(node.textValue()) : node.toString();
  }

  private static String body(List<Attribute> attributes, String indent) {
    int width = attributes.stream().mapToInt(a -> a.name().length()).max().orElse(0);
    var lines = attributes.stream()
        .map(a -> indent + "  " + a.name() + " ".repeat(width - a.name().length()) + " = " + a.expression())
        .collect(Collectors.joining("\n"));
    return "{\n" + lines + "\n" + indent + "}";
  }
}
