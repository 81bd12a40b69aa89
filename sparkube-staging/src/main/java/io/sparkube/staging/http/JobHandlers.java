package io.sparkube.staging.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sparkube.staging.error.Problem;
import io.sparkube.staging.error.StagingException;
import io.sparkube.staging.service.JobId;
import io.sparkube.staging.service.SignedFile;
import io.sparkube.staging.service.StagedFile;
import io.sparkube.staging.service.StagingService;
import io.sparkube.staging.signing.FileName;
import io.sparkube.staging.store.Sha256;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@code POST /v1/jobs/{jobId}/blobs} references blobs and signs their URLs; {@code DELETE /v1/jobs/{jobId}} releases them. */
final class JobHandlers {
  static final int MAX_BODY_BYTES = 1 << 20;
  static final int MAX_BLOBS = 10_000;
  private static final String SHAPE = "{\"blobs\":[{\"sha256\":\"<64 hex>\",\"fileName\":\"app.jar\"}]}";

  /** The request body. */
  record ReferenceRequest(List<Entry> blobs) {}

  record Entry(String sha256, String fileName) {}

  /** One entry of the answer: {@code url} for the job's pods, {@code externalUrl} for outside the cluster. */
  record Signed(String sha256, String fileName, long size, String url, String externalUrl) {
    static Signed of(SignedFile f) {
      return new Signed(f.file().sha().hex(), f.file().fileName().value(), f.size(), f.url().toString(),
          f.externalUrl().toString());
    }
  }

  private final Vertx vertx;
  private final StagingService service;
  private final Responses responses;

  JobHandlers(Vertx vertx, StagingService service, Responses responses) {
    this.vertx = vertx;
    this.service = service;
    this.responses = responses;
  }

  void reference(HttpServerRequest request, String jobSegment) {
    var job = new JobId(jobSegment);
    BoundedBody.read(request, MAX_BODY_BYTES)
        .map(JobHandlers::files)
        .compose(files -> vertx.executeBlocking(() -> service.reference(job, files), false))
        .onSuccess(signed -> responses.json(request, 200,
            Map.of("jobId", job.value(), "blobs", signed.stream().map(Signed::of).toList())))
        .onFailure(e -> responses.error(request, e));
  }

  void release(HttpServerRequest request, String jobSegment) {
    var job = new JobId(jobSegment);
    vertx.executeBlocking(() -> service.release(job), false)
        .onSuccess(released -> responses.json(request, 200, Map.of("jobId", job.value(), "released", released)))
        .onFailure(e -> responses.error(request, e));
  }

  /** Every entry checked before anything is referenced. */
  private static List<StagedFile> files(Buffer body) {
    ReferenceRequest parsed;
    try {
      parsed = Responses.JSON.readValue(body.getBytes(), ReferenceRequest.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      var why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
      throw new StagingException(Problem.BAD_REQUEST, "the request body is not " + SHAPE + " ("
          + String.valueOf(why).lines().findFirst().orElse("") + "); send that shape");
    } catch (IOException e) {
      throw new StagingException(Problem.BAD_REQUEST, "the request body cannot be read; send " + SHAPE);
    }
    if (parsed == null || parsed.blobs() == null) {
      throw new StagingException(Problem.BAD_REQUEST, "the request body has no \"blobs\" list; send " + SHAPE);
    }
    if (parsed.blobs().size() > MAX_BLOBS) {
      throw new StagingException(Problem.BAD_REQUEST, "a job may reference at most " + MAX_BLOBS + " blobs, not "
          + parsed.blobs().size() + "; bundle small files into an archive");
    }
    return parsed.blobs().stream().map(entry -> {
      if (entry == null || entry.sha256() == null || entry.fileName() == null) {
        throw new StagingException(Problem.BAD_REQUEST, "every entry needs \"sha256\" and \"fileName\"; send " + SHAPE);
      }
      return new StagedFile(new Sha256(entry.sha256()), new FileName(entry.fileName()));
    }).toList();
  }
}
