package io.sparkube.staging.http;

import io.sparkube.staging.error.Problem;
import io.sparkube.staging.error.StagingException;
import io.sparkube.staging.service.StagingService;
import io.sparkube.staging.store.BlobStore;
import io.sparkube.staging.store.BlobUpload;
import io.sparkube.staging.store.Sha256;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;

/**
 * {@code HEAD} and {@code PUT /v1/blobs/{sha256}}: is a blob stored, and upload one, streamed; and
 * {@code HEAD} and {@code POST /v1/blobs}: the limits, and upload a blob that the server names by
 * the hash of its bytes, for a client that has not hashed the file (see StagingClient).
 */
final class BlobHandlers {
  static final String MAX_BLOB_BYTES_HEADER = "Sparkube-Max-Blob-Bytes";

  private final Vertx vertx;
  private final Executor io;
  private final StagingService service;
  private final Responses responses;
  private final long maxBlobBytes;

  BlobHandlers(Vertx vertx, Executor io, StagingService service, Responses responses, long maxBlobBytes) {
    this.vertx = vertx;
    this.io = io;
    this.service = service;
    this.responses = responses;
    this.maxBlobBytes = maxBlobBytes;
  }

  /** Also tells the client the size limit, so it can refuse a file too large without sending it. */
  void head(HttpServerRequest request, String shaSegment) {
    var size = service.exists(new Sha256(shaSegment));
    var response = request.response().putHeader(MAX_BLOB_BYTES_HEADER, Long.toString(maxBlobBytes));
    if (size.isEmpty()) {
      response.setStatusCode(404).end();
      return;
    }
    response.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(size.getAsLong())).end();
  }

  /** What an upload must fit, for a client about to send one unnamed. */
  void limits(HttpServerRequest request) {
    request.response().putHeader(MAX_BLOB_BYTES_HEADER, Long.toString(maxBlobBytes)).end();
  }

  /** An unnamed upload: stored under its bytes' hash, 201, or 200 when that blob was stored already. */
  void post(HttpServerRequest request) {
    receive(request, Optional.empty());
  }

  /**
   * An upload already stored answers 200 before any byte is sent; one too large or that does not
   * fit answers before the client is told to send, when it asked with Expect: 100-continue as curl
   * does for large bodies.
   */
  void put(HttpServerRequest request, String shaSegment) {
    var sha = new Sha256(shaSegment);
    var existing = service.exists(sha);
    if (existing.isPresent()) {
      responses.json(request, 200, Map.of("sha256", sha.hex(), "size", existing.getAsLong(), "created", false));
      return;
    }
    receive(request, Optional.of(sha));
  }

  private void receive(HttpServerRequest request, Optional<Sha256> sha) {
    var declared = contentLength(request);
    // Opening the temp file is disk work: held off the event loop, with the body paused meanwhile.
    request.pause();
    vertx.executeBlocking(() -> service.beginUpload(sha, declared), false).onComplete(begun -> {
      if (begun.failed()) {
        responses.error(request, begun.cause());
      } else {
        new Transfer(request, begun.result()).start();
      }
    });
  }

  /** One body, streamed into one upload. */
  private final class Transfer {
    private final HttpServerRequest request;
    private final BlobSink sink;
    private long received;
    private boolean done;

    Transfer(HttpServerRequest request, BlobUpload upload) {
      this.request = request;
      this.sink = new BlobSink(vertx.getOrCreateContext(), io, upload);
    }

    void start() {
      sink.onFailure(this::fail);
      request.handler(chunk -> {
        if (done) {
          return;
        }
        received += chunk.length();
        if (received > maxBlobBytes) {
          // Counted here too, so a chunked body over the limit stops at once, not when the disk catches up.
          fail(new StagingException(Problem.TOO_LARGE, "the upload is larger than sparkube.staging.maxBlobBytes="
              + maxBlobBytes + " bytes; raise that setting on the staging server, or put the file in the image"
              + " or in object storage"));
          return;
        }
        sink.write(chunk);
        if (sink.full()) {
          request.pause();
          sink.onDrain(request::resume);
        }
      });
      request.endHandler(v -> {
        if (done) {
          return;
        }
        done = true;
        sink.commit().onComplete(committed -> {
          if (committed.failed()) {
            responses.error(request, committed.cause());
            return;
          }
          var created = committed.result() == BlobStore.Outcome.CREATED;
          responses.json(request, created ? 201 : 200, Map.of("sha256", sink.sha().hex(), "size", received,
              "created", created));
        });
      });
      // A reset, a timeout or a server shutdown mid-body: nothing of it may become a blob.
      request.exceptionHandler(e -> abandon());
      request.response().closeHandler(v -> abandon());
      if (request.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
        request.response().writeContinue();
      }
      request.resume();
    }

    private void fail(Throwable e) {
      if (done) {
        return;
      }
      // Answered once the partial upload is gone, as for a failed commit.
      abandon().onComplete(closed -> responses.error(request, e));
    }

    private Future<Void> abandon() {
      done = true;
      return sink.abort();
    }
  }

  private static OptionalLong contentLength(HttpServerRequest request) {
    var header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (header == null) {
      return OptionalLong.empty();
    }
    try {
      var length = Long.parseLong(header.strip());
      if (length >= 0) {
        return OptionalLong.of(length);
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new StagingException(Problem.BAD_REQUEST, "Content-Length \"" + header + "\" is not a byte count;"
        + " send the file's size, or a chunked body");
  }
}
