package io.sparkube.staging.http;

import io.sparkube.staging.error.Problem;
import io.sparkube.staging.error.StagingException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/** Reads a small request body whole, refusing it as soon as it grows past a limit. */
final class BoundedBody {
  private BoundedBody() {}

  static Future<Buffer> read(HttpServerRequest request, int maxBytes) {
    Promise<Buffer> promise = Promise.promise();
    var body = Buffer.buffer();
    request.handler(chunk -> {
      if (body.length() + chunk.length() > maxBytes) {
        promise.tryFail(new StagingException(Problem.TOO_LARGE, "the request body is larger than " + maxBytes
            + " bytes; reference fewer blobs per request"));
        return;
      }
      body.appendBuffer(chunk);
    });
    request.endHandler(v -> promise.tryComplete(body));
    request.exceptionHandler(promise::tryFail);
    return promise.future();
  }
}
