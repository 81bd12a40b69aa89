package io.sparkube.local.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an access review sent as Kubernetes protobuf, as kubectl's typed clients send them
 * ({@code kubectl auth can-i}), into its JSON form. Only the fields the reviews have are read
 * (metadata name and namespace, the spec); the answer goes back as JSON, which client-go accepts.
 * Wire format: {@code "k8s\0"}, then a runtime.Unknown (typeMeta = 1, raw = 2) whose raw bytes
 * are the review; field numbers are those of k8s.io/api/authorization/v1/generated.proto.
 */
final class ProtobufReviews {
  static final String CONTENT_TYPE = "application/vnd.kubernetes.protobuf";
  private static final byte[] MAGIC = {0x6b, 0x38, 0x73, 0x00};
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ProtobufReviews() {}

  /** The review's JSON; IllegalArgumentException when the bytes are not a Kubernetes protobuf object. */
  static String json(byte[] body) {
    if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
      throw new IllegalArgumentException("not a Kubernetes protobuf object");
    }
    var unknown = Message.parse(Arrays.copyOfRange(body, MAGIC.length, body.length));
    var typeMeta = unknown.message(1);
    var kind = typeMeta.string(2);
    var review = unknown.message(2);
    var node = JSON.objectNode().put("apiVersion", typeMeta.string(1)).put("kind", kind);
    var metadata = review.message(1);
    node.putObject("metadata").put("name", metadata.string(1)).put("namespace", metadata.string(3));
    var spec = review.message(2);
    var specNode = node.putObject("spec");
    if (kind.equals("SelfSubjectRulesReview")) {
      specNode.put("namespace", spec.string(1));
      return Serialization.asJson(node);
    }
    if (spec.has(1)) {
      var attributes = spec.message(1);
      var names = List.of("namespace", "verb", "group", "version", "resource", "subresource", "name");
      ObjectNode resource = specNode.putObject("resourceAttributes");
      for (int field = 1; field <= names.size(); field++) {
        resource.put(names.get(field - 1), attributes.string(field));
      }
    }
    if (spec.has(2)) {
      var attributes = spec.message(2);
      specNode.putObject("nonResourceAttributes").put("path", attributes.string(1)).put("verb", attributes.string(2));
    }
    if (!kind.startsWith("Self")) {
      specNode.put("user", spec.string(3)).put("uid", spec.string(6));
      var groups = specNode.putArray("groups");
      spec.strings(4).forEach(groups::add);
    }
    return Serialization.asJson(node);
  }

  /** One protobuf message: its length-delimited fields by number (varints and fixed widths are skipped). */
  private record Message(Map<Integer, List<byte[]>> fields) {
    static Message parse(byte[] bytes) {
      var fields = new HashMap<Integer, List<byte[]>>();
      var in = new Reader(bytes);
      while (in.more()) {
        long key = in.varint();
        int field = (int) (key >>> 3);
        switch ((int) (key & 7)) {
          case 0 -> in.varint();
          case 1 -> in.skip(8);
          case 2 -> fields.computeIfAbsent(field, f -> new ArrayList<>()).add(in.bytes((int) in.varint()));
          case 5 -> in.skip(4);
          default -> throw new IllegalArgumentException("unsupported protobuf wire type " + (key & 7));
        }
      }
      return new Message(fields);
    }

    boolean has(int field) {
      return fields.containsKey(field);
    }

    Message message(int field) {
      return parse(has(field) ? fields.get(field).get(0) : new byte[0]);
    }

    String string(int field) {
      return has(field) ? new String(fields.get(field).get(0), StandardCharsets.UTF_8) : "";
    }

    List<String> strings(int field) {
      return fields.getOrDefault(field, List.of()).stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }
  }

  private static final class Reader {
    private final byte[] bytes;
    private int position;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    boolean more() {
      return position < bytes.length;
    }

    long varint() {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte b = next();
        value |= (long) (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return value;
        }
      }
      throw new IllegalArgumentException("malformed protobuf varint");
    }

    byte[] bytes(int length) {
      if (length < 0 || position + length > bytes.length) {
        throw new IllegalArgumentException("truncated protobuf message");
      }
      var out = Arrays.copyOfRange(bytes, position, position + length);
      position += length;
      return out;
    }

    void skip(int length) {
      bytes(length);
    }

    private byte next() {
      if (position >= bytes.length) {
        throw new IllegalArgumentException("truncated protobuf message");
      }
      return bytes[position++];
    }
  }
}
