package io.sparkube.cli.jobruns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.sparkube.jobruns.error.ErrorCode;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Optional;

/**
 * The one place an error answer of the API becomes a failure: {@code <ErrorType>: <message>}, read
 * as AWS's clients read rest-json errors, and the exit code the API itself gives that type.
 */
final class ApiFailures {
  private static final int MAX_RAW_MESSAGE = 200;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ApiFailures() {}

  static SparkubeException of(HttpResponse<String> response) {
    var body = json(response.body());
    // The header first, as botocore and the Java SDK do; it may carry a namespace after ':'.
    var type = response.headers().firstValue("x-amzn-ErrorType").map(t -> t.split(":", 2)[0])
        .or(() -> text(body, "__type")).orElse("HTTP " + response.statusCode());
    var message = text(body, "message").or(() -> text(body, "Message"))
        .orElseGet(() -> shorten(response.body()));
    return new SparkubeException(failure(type, response.statusCode()), type + ": " + message);
  }

  private static Failure failure(String type, int status) {
    return Arrays.stream(ErrorCode.values()).filter(code -> code.wireName().equals(type)).findFirst()
        .map(ErrorCode::failure)
        .orElse(status == 401 || status == 403 ? Failure.UNAUTHORIZED : Failure.API_ERROR);
  }

  private static JsonNode json(String body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      // A proxy's HTML page, say: its text stands in for the message.
      return MissingNode.getInstance();
    }
  }

  private static Optional<String> text(JsonNode body, String member) {
    return Optional.of(body.path(member)).filter(JsonNode::isTextual).map(JsonNode::asText);
  }

  private static String shorten(String body) {
    var line = body.strip().replaceAll("\\s+", " ");
    if (line.isEmpty()) {
      return "no message";
    }
    return line.length() <= MAX_RAW_MESSAGE ? line : line.substring(0, MAX_RAW_MESSAGE - 3) + "...";
  }
}
