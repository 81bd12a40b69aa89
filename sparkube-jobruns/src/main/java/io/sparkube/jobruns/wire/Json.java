package io.sparkube.jobruns.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.sparkube.jobruns.error.ApiException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads request bodies strictly, as the model defines them (unknown members, wrong types, trailing
 * data and duplicate members are refused with the path of the offending member), and writes
 * response bodies without null members.
 */
public final class Json {
  private static final ObjectMapper STRICT = strict();
  /** For requests stored by an earlier version, which may hold members this one does not know. */
  private static final ObjectMapper LENIENT = STRICT.copy()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Json() {}

  /** The body of {@code operation}'s request; a ValidationException naming the member when it is off. */
  public static <T> T readRequest(byte[] body, Class<T> type, String operation) {
    if (body.length == 0) {
      throw ApiException.validation(operation + " needs a JSON object as its request body");
    }
    T value;
    try {
      value = STRICT.readValue(body, type);
    } catch (UnrecognizedPropertyException e) {
      throw ApiException.validation("Unknown field '" + path(e) + "' in the " + operation + " request; it is not"
          + " part of the emr-containers model");
    } catch (StreamReadException e) {
      throw ApiException.validation("The request body is not valid JSON: " + firstLine(e.getOriginalMessage()));
    } catch (MismatchedInputException e) {
      throw ApiException.validation("Value at '" + path(e) + "' has the wrong type; expected "
          + typeName(e.getTargetType()));
    } catch (IOException e) {
      throw ApiException.validation("The request body cannot be read as " + operation + "'s request: "
          + firstLine(e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
    }
    if (value == null) {
      throw ApiException.validation(operation + " needs a JSON object as its request body, not null");
    }
    return value;
  }

  /** A request this API stored earlier; empty when it is missing or cannot be read. */
  public static <T> Optional<T> readStored(String json, Class<T> type) {
    if (json == null || json.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(LENIENT.readValue(json, type));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public static byte[] write(Object value) {
    try {
      return STRICT.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response bodies are plain records, lists and maps", e);
    }
  }

  private static ObjectMapper strict() {
    var mapper = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();
    // The model's types are exact: 2 is not a string, "2" is not an integer, true is neither.
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  private static String path(JsonMappingException e) {
    var out = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.isEmpty() ? "(the body)" : out.toString();
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Integer.class || type == int.class) {
      return "an integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    return Map.class.isAssignableFrom(type) ? "an object of string values" : "an object";
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
