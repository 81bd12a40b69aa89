package io.sparkube.staging.http;

import io.sparkube.staging.error.Problem;
import io.sparkube.staging.error.StagingException;
import io.sparkube.staging.service.StagingService;
import io.sparkube.staging.signing.FileName;
import io.sparkube.staging.store.Sha256;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code GET /v1/files/{sha256}/{fileName}?expires=..&signature=..}: what Spark's own fetch in a
 * pod downloads, with no token; the signature is the credential. Sent with sendFile, which is a
 * zero-copy sendfile(2) on plain http.
 */
final class FileHandler {
  private final StagingService service;
  private final Responses responses;

  FileHandler(StagingService service, Responses responses) {
    this.service = service;
    this.responses = responses;
  }

  void get(HttpServerRequest request, String shaSegment, String nameSegment) {
    var sha = new Sha256(shaSegment);
    var name = FileName.fromUrlSegment(nameSegment);
    var blob = service.open(sha, name, single(request, "expires"), single(request, "signature"));
    var response = request.response();
    response.putHeader(HttpHeaders.ACCEPT_RANGES, "bytes")
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/octet-stream")
        .putHeader(HttpHeaders.ETAG, "\"" + sha.hex() + "\"");
    ByteRange range;
    try {
      range = ByteRange.parse(request.getHeader("Range"), blob.size()).orElse(null);
    } catch (StagingException e) {
      response.putHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + blob.size());
      throw e;
    }
    var sending = range == null
        ? response.sendFile(blob.file().toString())
        : response.setStatusCode(206).putHeader(HttpHeaders.CONTENT_RANGE, range.contentRange(blob.size()))
            .sendFile(blob.file().toString(), range.first(), range.length());
    sending.onFailure(e -> responses.error(request, new StagingException(Problem.NOT_FOUND, "blob " + sha
        + " could not be read (cleaned up while sent?); retry the download")));
  }

  private static String single(HttpServerRequest request, String name) {
    var values = request.params().getAll(name);
    if (values.size() != 1) {
      throw new StagingException(Problem.FORBIDDEN, "the download URL needs exactly one '" + name + "' parameter;"
          + " use the URL exactly as the staging server issued it");
    }
    return values.get(0);
  }
}
