package io.sparkube.staging.client;

import io.sparkube.model.error.Failure;
import io.sparkube.model.error.SparkubeException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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

  private final URI base;
  private final String token;
  private final HttpClient http;

  /** For callers that bring their own HTTP client (its TLS settings, its executor). */
  public StagingClient(URI base, String token, HttpClient http) {
    this.base = base;
    this.token = token;
    this.http = http;
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
   * Uploads {@code file} unless the server has it: hashed first (streamed, never held in memory),
   * then one HEAD, then a streamed PUT that the server can refuse before any byte is sent.
   */
  public UploadedBlob upload(Path file, UploadProgress progress) {
    long size;
    String sha;
    try {
      size = Files.size(file);
      sha = sha256(file);
    } catch (IOException e) {
      throw new SparkubeException(Failure.INVALID_CONFIG, "cannot read " + file + " to stage it (" + e.getMessage()
          + "); check the path and its permissions");
    }
    var blob = resolve("/v1/blobs/" + sha);
    var head = send(request(blob).method("HEAD", HttpRequest.BodyPublishers.noBody()), "check blob " + sha);
    if (head.statusCode() == 200) {
      progress.update(size, size);
      return new UploadedBlob(sha, size, false);
    }
    if (head.statusCode() != 404) {
      throw refused("check blob " + sha, head);
    }
    var limit = head.headers().firstValueAsLong(MAX_BLOB_BYTES_HEADER);
    if (limit.isPresent() && size > limit.getAsLong()) {
      throw new SparkubeException(Failure.STAGING_REFUSED, file + " is " + size + " bytes, more than the staging server's"
          + " sparkube.staging.maxBlobBytes=" + limit.getAsLong() + "; raise that setting on the server, or put the"
          + " file in the image or in object storage");
    }
    HttpRequest.BodyPublisher body;
    try {
      body = new CountingPublisher(HttpRequest.BodyPublishers.ofFile(file), progress);
    } catch (FileNotFoundException e) {
      throw new SparkubeException(Failure.INVALID_CONFIG, file + " vanished while it was staged; keep it in place"
          + " until the submission ends");
    }
    // No overall timeout: a large upload takes long; a stalled one ends at the server's idle timeout.
    // No Expect: 100-continue either: JDK 17's client hangs when the answer is not 100 (JDK-8286171).
    var put = send(HttpRequest.newBuilder(blob).header("Authorization", "Bearer " + token).PUT(body),
        "upload " + file.getFileName() + " as " + sha);
    if (put.statusCode() != 200 && put.statusCode() != 201) {
      throw refused("upload " + file.getFileName(), put);
    }
    return new UploadedBlob(sha, size, put.statusCode() == 201);
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
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    var buffer = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
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

  private SparkubeException refused(String what, HttpResponse<String> response) {
    String reason;
    try {
      reason = String.valueOf(((Map<?, ?>) Json.parse(response.body())).get("error"));
    } catch (RuntimeException e) {
      // HEAD answers carry no body; their status alone has to explain.
      reason = switch (response.statusCode()) {
        case 401 -> "missing or wrong bearer token; use the token from the staging server's"
            + " sparkube.staging.tokenFile";
        default -> "no explanation given";
      };
    }
    return new SparkubeException(Failure.STAGING_REFUSED, "the staging server at " + base + " refused to " + what
        + " (HTTP " + response.statusCode() + "): " + reason);
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
