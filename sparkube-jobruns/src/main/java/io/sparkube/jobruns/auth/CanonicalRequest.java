package io.sparkube.jobruns.auth;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SigV4's canonical request, built from the request as it arrived: method, path (URI-encoded once
 * more, as SigV4 does for every service but S3), query sorted and re-encoded, the signed headers
 * with their values trimmed and blanks folded, the signed header names, and the payload hash.
 */
final class CanonicalRequest {
  private CanonicalRequest() {}

  static String of(SignedRequest request, List<String> signedHeaders, String payloadHash) {
    return request.method() + "\n"
        + path(request.rawPath()) + "\n"
        + query(request.rawQuery()) + "\n"
        + headers(request.headers(), signedHeaders) + "\n"
        + String.join(";", signedHeaders) + "\n"
        + payloadHash;
  }

  static String path(String rawPath) {
    return rawPath == null || rawPath.isEmpty() ? "/" : PercentEncoding.encode(rawPath, true);
  }

  static String query(String rawQuery) {
    return PercentEncoding.parameters(rawQuery).stream()
        .map(p -> PercentEncoding.encode(p.getKey(), false) + "=" + PercentEncoding.encode(p.getValue(), false))
        .sorted(Comparator.comparing((String pair) -> pair.substring(0, pair.indexOf('=')))
            .thenComparing(pair -> pair.substring(pair.indexOf('=') + 1)))
        .collect(Collectors.joining("&"));
  }

  private static String headers(Map<String, List<String>> headers, List<String> signedHeaders) {
    var out = new StringBuilder();
    for (var name : signedHeaders) {
      var values = headers.getOrDefault(name, List.of()).stream()
          .map(v -> v.strip().replaceAll("\\s+", " ")).collect(Collectors.joining(","));
      out.append(name).append(':').append(values).append('\n');
    }
    return out.toString();
  }
}
