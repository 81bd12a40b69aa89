package io.sparkube.cli.jobruns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;

/** A successful answer of the API: its body as sent, for -o json, and read as JSON, for text. */
record ApiAnswer(String body, JsonNode json) {
  /** Lenient: a newer API may add members, and a client need not know them. */
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  static ApiAnswer of(String body, String request) {
    try {
      return new ApiAnswer(body, MAPPER.readTree(body));
    } catch (JsonProcessingException e) {
      throw new SparkubeException(Failure.API_ERROR, "the answer to " + request + " is not JSON ("
          + e.getOriginalMessage() + "); is --endpoint the job-runs API?");
    }
  }

  /** The answer as one of the operation's result records. */
  <T> T as(Class<T> type) {
    try {
      return MAPPER.treeToValue(json, type);
    } catch (JsonProcessingException e) {
      throw new SparkubeException(Failure.API_ERROR, "the API's answer is not a " + type.getSimpleName()
          + " (" + e.getOriginalMessage() + "); is --endpoint the job-runs API?");
    }
  }
}
