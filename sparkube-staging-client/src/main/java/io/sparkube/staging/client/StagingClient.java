package io.sparkube.staging.client;

import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * The staging server's client, on the JDK's HTTP client alone so a submitter can carry it cheaply:
 * upload files (one HEAD when the server already has them), reference them for a job to get
 * signed URLs, and release them when the job ends.
 */
public final class StagingClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  /** Sent with HEAD answers: the largest blob the server takes. */
  private static final String MAX_BLOB_BYTES_HEADER = "Sparkube-Max-Blob-Bytes";
  /**
   * Files at least this large are not hashed before an upload whose hash nothing remembers: that
   * would read them twice, and hashing takes about as long as sending over a fast link (0.8 s per
   * GiB on the benchmark machine). Below it, a hash costs at most a few tens of milliseconds and buys
   * the one-HEAD answer when the server has the file already.
   */
  static final long HASH_FIRST_BELOW = 32L << 20;
  /** An error body's {@code problem} when the bytes sent do not hash to the name they were sent under. */
  private static final String HASH_MISMATCH = "hash-mismatch";

  private final URI base;
  private final String token;
  private final HttpClient http;
  private final FileHashes hashes;

  /** For callers that bring their own HTTP client (its TLS settings, its executor). */
  public StagingClient(URI base, String token, HttpClient http) {
    this(base, token, http, FileHashes.none());
  }

  private StagingClient(URI base, String token, HttpClient http, FileHashes hashes) {
    this.base = base;
    this.token = token;
    this.http = http;
    this.hashes = hashes;
  }

  /** This client, taking file hashes from {@code hashes} (by default every file is hashed each time). */
  public StagingClient withFileHashes(FileHashes hashes) {
    return new StagingClient(base, token, http, hashes);
  }

  /** A client for the server at {@code base}, with the token read from {@code tokenFile}. */
  public static StagingClient create(URI base, Path tokenFile) {
    return create(base, tokenFile, defaultSsl());
  }

  /** As {@link #create(URI, Path)}, trusting the server certificates {@code ssl} trusts. */
  public static StagingClient create(URI base, Path tokenFile, SSLContext ssl) {
    var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
        .sslContext(ssl).build();
    return new StagingClient(base, readToken(tokenFile), http);
  }

  /**
   * Uploads {@code file} unless the server has it. A file whose hash is known (remembered, see
   * {@link FileHashes}, or cheap to compute: under {@link #HASH_FIRST_BELOW}) costs one HEAD when the
   * server has it, else a streamed PUT under that hash, which the server checks. A larger file of
   * unknown hash is not read twice: it is streamed unnamed and the server names it by the hash of
   * what arrived, which is then remembered, so only its first upload skips the HEAD.
   */
  public UploadedBlob upload(Path file, UploadProgress progress) {
    long size;
    FileHashes.Seen seen;
    try {
      size = Files.size(file);
      seen = hashes.seen(file);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
    var remembered = hashes.remembered(seen);
    if (remembered.isPresent()) {
      var uploaded = upload(file, remembered.get(), size, progress);
      if (uploaded.isPresent()) {
        return uploaded.get();
      }
      hashes.forget(file);
    }
    if (size >= HASH_FIRST_BELOW) {
      return uploadUnnamed(file, size, seen, progress);
    }
    return upload(file, hashOf(seen), size, progress).orElseThrow(() -> new SparkubeException(
        Failure.STAGING_REFUSED, file + " changed while it was uploaded to the staging server at " + base + "; keep"
            + " it unchanged until the submission ends"));
  }

  private UploadedBlob uploadUnnamed(Path file, long size, FileHashes.Seen seen, UploadProgress progress) {
    var blobs = resolve("/v1/blobs");
    var head = send(request(blobs).method("HEAD", HttpRequest.BodyPublishers.noBody()), "ask the upload limits");
    if (head.statusCode() != 200) {
      throw refused("tell its upload limits", head);
    }
    requireWithinLimit(file, size, head);
    var post = sendFile("POST", blobs, file, size, progress, "upload " + file.getFileName());
    if (post.status() != 200 && post.status() != 201) {
      throw refused("upload " + file.getFileName(), post.status(), post.body());
    }
    var sha = bodyField(post.body(), "sha256");
    if (sha == null || !sha.matches("[0-9a-f]{64}")) {
      throw new SparkubeException(Failure.STAGING_REFUSED, "the staging server at " + base + " stored "
          + file.getFileName() + " but did not say under which hash; check that " + base + " is a Sparkube staging"
          + " server of this version");
    }
    hashes.remember(seen, sha);
    return new UploadedBlob(sha, size, post.status() == 201);
  }

  private void requireWithinLimit(Path file, long size, HttpResponse<String> head) {
    var limit = head.headers().firstValueAsLong(MAX_BLOB_BYTES_HEADER);
    if (limit.isPresent() && size > limit.getAsLong()) {
      throw new SparkubeException(Failure.STAGING_REFUSED, file + " is " + size + " bytes, more than the staging server's"
          + " sparkube.staging.maxBlobBytes=" + limit.getAsLong() + "; raise that setting on the server, or put the"
          + " file in the image or in object storage");
    }
  }

  /** The blob, or empty when the server found that the bytes do not hash to {@code sha}. */
  private Optional<UploadedBlob> upload(Path file, String sha, long size, UploadProgress progress) {
    var blob = resolve("/v1/blobs/" + sha);
    var head = send(request(blob).method("HEAD", HttpRequest.BodyPublishers.noBody()), "check blob " + sha);
    if (head.statusCode() == 200) {
      progress.update(size, size);
      return Optional.of(new UploadedBlob(sha, size, false));
    }
    if (head.statusCode() != 404) {
      throw refused("check blob " + sha, head);
    }
    requireWithinLimit(file, size, head);
    // No Expect: 100-continue: HEAD has just said the blob is missing and within the limits.
    var put = sendFile("PUT", blob, file, size, progress, "upload " + file.getFileName() + " as " + sha);
    if (put.status() == 400 && HASH_MISMATCH.equals(bodyField(put.body(), "problem"))) {
      return Optional.empty();
    }
    if (put.status() != 200 && put.status() != 201) {
      throw refused("upload " + file.getFileName(), put.status(), put.body());
    }
    return Optional.of(new UploadedBlob(sha, size, put.status() == 201));
  }

  private String hashOf(FileHashes.Seen seen) {
    try {
      return hashes.hashAndRemember(seen);
    } catch (IOException e) {
      throw unreadable(seen.file(), e);
    }
  }

  private static SparkubeException unreadable(Path file, IOException e) {
    return new SparkubeException(Failure.INVALID_CONFIG, "cannot read " + file + " to stage it (" + e.getMessage()
        + "); check the path and its permissions");
  }

  /** Records that {@code jobId} uses {@code entries} and returns their signed URLs, in the same order. */
  public List<SignedUrl> reference(String jobId, List<StagedEntry> entries) {
    var body = entries.stream()
        .map(e -> "{\"sha256\":" + Json.quote(e.sha256()) + ",\"fileName\":" + Json.quote(e.fileName()) + "}")
        .collect(Collectors.joining(",", "{\"blobs\":[", "]}"));
    var response = send(request(resolve("/v1/jobs/" + jobId + "/blobs")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), "reference blobs for " + jobId);
    if (response.statusCode() != 200) {
      throw refused("reference blobs for job " + jobId, response);
    }
    try {
      @SuppressWarnings("unchecked")
      var blobs = (List<Map<String, Object>>) ((Map<String, Object>) Json.parse(response.body())).get("blobs");
      return blobs.stream().map(b -> new SignedUrl((String) b.get("sha256"), (String) b.get("fileName"),
          ((Number) b.get("size")).longValue(), URI.create((String) b.get("url")),
          URI.create((String) b.get("externalUrl")))).toList();
    } catch (RuntimeException e) {
      throw new SparkubeException(Failure.STAGING_REFUSED, "the staging server at " + base + " answered with an unexpected"
          + " body (" + e.getMessage() + "); check that " + base + " is a Sparkube staging server");
    }
  }

  /** Releases everything {@code jobId} referenced; returns how many blobs. Releasing twice is harmless. */
  public int release(String jobId) {
    var response = send(request(resolve("/v1/jobs/" + jobId)).DELETE(), "release job " + jobId);
    if (response.statusCode() != 200) {
      throw refused("release job " + jobId, response);
    }
    return ((Number) ((Map<?, ?>) Json.parse(response.body())).get("released")).intValue();
  }

  /** The SHA-256 of a file, read in blocks, as lower-case hex. */
  public static String sha256(Path file) throws IOException {
    return FileHashes.hash(file);
  }

  private HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token);
  }

  private URI resolve(String path) {
    var text = base.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return URI.create(text + path);
  }

  /** No overall timeout: a large upload takes long; a stalled one ends at the server's idle timeout. */
  private StreamedBody.Answer sendFile(String method, URI uri, Path file, long size, UploadProgress progress,
      String what) {
    try {
      return StreamedBody.send(http, method, uri, token, file, size, progress);
    } catch (IOException e) {
      throw new SparkubeException(Failure.STAGING_UNREACHABLE, "cannot " + what + " on the staging server at " + base
          + " (" + e + "); check that it runs and that this machine can reach it");
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String what) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SparkubeException(Failure.STAGING_UNREACHABLE, "cannot " + what + " on the staging server at " + base + " ("
          + e + "); check that it runs and that this machine can reach it");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SparkubeException(Failure.STAGING_UNREACHABLE, "interrupted while trying to " + what);
    }
  }

  /** A field of a JSON answer's body, or null when there is no such body (HEAD answers carry none). */
  private static String bodyField(String body, String field) {
    try {
      var value = ((Map<?, ?>) Json.parse(body)).get(field);
      return value == null ? null : value.toString();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private SparkubeException refused(String what, HttpResponse<String> response) {
    return refused(what, response.statusCode(), response.body());
  }

  private SparkubeException refused(String what, int status, String body) {
    var reason = bodyField(body, "error");
    if (reason == null) {
      // Without a body the status alone has to explain.
      reason = switch (status) {
        case 401 -> "missing or wrong bearer token; use the token from the staging server's"
            + " sparkube.staging.tokenFile";
        default -> "no explanation given";
      };
    }
    return new SparkubeException(Failure.STAGING_REFUSED, "the staging server at " + base + " refused to " + what
        + " (HTTP " + status + "): " + reason);
  }

  private static String readToken(Path tokenFile) {
    try {
      return Files.readString(tokenFile).strip();
    } catch (IOException e) {
      throw new SparkubeException(Failure.INVALID_CONFIG, "cannot read the staging token file " + tokenFile + " ("
          + e.getMessage() + "); point it at the file holding the staging server's upload token");
    }
  }

  private static SSLContext defaultSsl() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the Java runtime has no default TLS context", e);
    }
  }
}
