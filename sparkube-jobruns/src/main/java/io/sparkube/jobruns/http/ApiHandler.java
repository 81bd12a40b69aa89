package io.sparkube.jobruns.http;

import io.sparkube.jobruns.auth.Authenticator;
import io.sparkube.jobruns.auth.PercentEncoding;
import io.sparkube.jobruns.auth.SignedRequest;
import io.sparkube.jobruns.error.ApiException;
import io.sparkube.jobruns.error.ErrorCode;
import io.sparkube.jobruns.service.ListQuery;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Each request's walk: read the body (bounded), then on a worker thread authenticate it, find its
 * operation and run it; then answer. The body is read first because a SigV4 signature covers it.
 */
final class ApiHandler {
  private final Vertx vertx;
  private final Authenticator authenticator;
  private final Api api;
  private final Replies replies;
  private final RequestMetrics metrics;
  private final int maxRequestBytes;

  ApiHandler(Vertx vertx, Authenticator authenticator, Api api, Replies replies, RequestMetrics metrics,
      int maxRequestBytes) {
    this.vertx = vertx;
    this.authenticator = authenticator;
    this.api = api;
    this.replies = replies;
    this.metrics = metrics;
    this.maxRequestBytes = maxRequestBytes;
  }

  void handle(HttpServerRequest request) {
    var route = Route.match(request.method(), request.path());
    var exchange = Exchange.begin(request, route.map(r -> r.operation().wireName()).orElse(RequestMetrics.UNKNOWN),
        metrics.start());
    BoundedBody.read(request, maxRequestBytes)
        .compose(body -> vertx.executeBlocking(() -> run(request, route, body), false))
        .onSuccess(result -> replies.ok(exchange, result))
        .onFailure(failure -> replies.fail(exchange, failure));
  }

  private Object run(HttpServerRequest request, Optional<Route> route, byte[] body) {
    var signed = new SignedRequest(request.method().name(), request.path(), request.query(), headers(request), body);
    var caller = authenticator.authenticate(signed);
    var matched = route.orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_OPERATION, "No emr-containers"
        + " operation at " + request.method() + " " + shorten(request.path()) + "; this API serves"
        + " /virtualclusters[/{id}[/jobruns[/{jobRunId}]]]"));
    return api.invoke(matched, caller, body, new ListQuery(query(request.query())));
  }

  private static Map<String, List<String>> headers(HttpServerRequest request) {
    var headers = new LinkedHashMap<String, List<String>>();
    for (var name : request.headers().names()) {
      headers.put(name.toLowerCase(Locale.ROOT), request.headers().getAll(name));
    }
    // HTTP/2 carries the host as :authority, which SigV4 signs as host.
    if (!headers.containsKey("host") && request.authority() != null) {
      headers.put("host", List.of(request.authority().toString()));
    }
    return headers;
  }

  private static Map<String, List<String>> query(String rawQuery) {
    var parameters = new LinkedHashMap<String, List<String>>();
    PercentEncoding.parameters(rawQuery)
        .forEach(p -> parameters.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(p.getValue()));
    return parameters;
  }

  private static String shorten(String path) {
    var printable = path.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= 100 ? printable : printable.substring(0, 97) + "...";
  }
}
