package io.sparkube.jobruns.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request as it arrived, which is what a signature covers: the method, the path and query
 * exactly as sent (still percent-encoded), the headers by lower-case name, and the body.
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
    byte[] body) {

  public SignedRequest {
    headers = Map.copyOf(headers);
  }

  /** The first value of a header, by lower-case name. */
  public Optional<String> header(String lowerCaseName) {
    var values = headers.get(lowerCaseName);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
