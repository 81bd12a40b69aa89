package io.sparkube.jobruns.http;

import io.sparkube.jobruns.error.ApiException;
import io.sparkube.jobruns.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads a request body whole, failing as soon as it passes the limit. A refused body is still
 * drained, its chunks dropped, and its connection closed when it ends: closing while the client is
 * still sending would reset the connection, and the client could lose the 413 that says why.
 */
final class BoundedBody {
  private BoundedBody() {}

  static Future<byte[]> read(HttpServerRequest request, int maxBytes) {
    Promise<byte[]> promise = Promise.promise();
    var body = Buffer.buffer();
    var declared = request.getHeader("Content-Length");
    if (declared != null && tooLong(declared, maxBytes)) {
      promise.fail(tooLarge(maxBytes));
    }
    request.handler(chunk -> {
      if (promise.future().isComplete()) {
        return;
      }
      if (body.length() + chunk.length() > maxBytes) {
        promise.fail(tooLarge(maxBytes));
        return;
      }
      body.appendBuffer(chunk);
    });
    request.endHandler(end -> {
      if (promise.future().failed()) {
        request.connection().close();
      } else {
        promise.tryComplete(body.getBytes());
      }
    });
    request.exceptionHandler(promise::tryFail);
    return promise.future();
  }

  private static boolean tooLong(String declared, int maxBytes) {
    try {
      return Long.parseLong(declared.strip()) > maxBytes;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static ApiException tooLarge(int maxBytes) {
    return new ApiException(ErrorCode.REQUEST_TOO_LARGE, "The request body is larger than this API accepts ("
        + maxBytes + " bytes, sparkube.jobruns.maxRequestBytes); send a smaller request");
  }
}
