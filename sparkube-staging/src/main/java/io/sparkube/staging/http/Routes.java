package io.sparkube.staging.http;

import io.sparkube.staging.error.Problem;
import io.sparkube.staging.error.StagingException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;

/**
 * The staging API's routes, matched on the raw path's segments. Segments are never decoded before
 * matching, and only a file name is decoded at all, so an encoded slash or dot stays inside the
 * segment it came in and then fails that segment's check.
 */
final class Routes {
  private final BearerToken token;
  private final BlobHandlers blobs;
  private final JobHandlers jobs;
  private final FileHandler files;
  private final Responses responses;

  Routes(BearerToken token, BlobHandlers blobs, JobHandlers jobs, FileHandler files, Responses responses) {
    this.token = token;
    this.blobs = blobs;
    this.jobs = jobs;
    this.files = files;
    this.responses = responses;
  }

  void handle(HttpServerRequest request) {
    try {
      route(request);
    } catch (RuntimeException e) {
      responses.error(request, e);
    }
  }

  private void route(HttpServerRequest request) {
    var method = request.method();
    var s = request.path().split("/", -1);
    if (s.length == 2 && s[0].isEmpty() && s[1].equals("healthz")) {
      allow(method, "GET", HttpMethod.GET);
      responses.json(request, 200, Map.of("status", "ok"));
      return;
    }
    if (s.length == 3 && s[0].isEmpty() && s[1].equals("v1") && s[2].equals("blobs")) {
      allow(method, "HEAD, POST", HttpMethod.HEAD, HttpMethod.POST);
      authenticate(request);
      if (method == HttpMethod.HEAD) {
        blobs.limits(request);
      } else {
        blobs.post(request);
      }
      return;
    }
    if (s.length < 4 || !s[0].isEmpty() || !s[1].equals("v1")) {
      throw notFound(request);
    }
    switch (s[2]) {
      case "blobs" -> {
        require(s.length == 4, request);
        allow(method, "HEAD, PUT", HttpMethod.HEAD, HttpMethod.PUT);
        authenticate(request);
        if (method == HttpMethod.HEAD) {
          blobs.head(request, s[3]);
        } else {
          blobs.put(request, s[3]);
        }
      }
      case "jobs" -> {
        require(s.length == 4 || (s.length == 5 && s[4].equals("blobs")), request);
        if (s.length == 5) {
          allow(method, "POST", HttpMethod.POST);
          authenticate(request);
          jobs.reference(request, s[3]);
        } else {
          allow(method, "DELETE", HttpMethod.DELETE);
          authenticate(request);
          jobs.release(request, s[3]);
        }
      }
      case "files" -> {
        require(s.length == 5, request);
        allow(method, "GET", HttpMethod.GET);
        files.get(request, s[3], s[4]);
      }
      default -> throw notFound(request);
    }
  }

  private void authenticate(HttpServerRequest request) {
    if (!token.admits(request.getHeader("Authorization"))) {
      throw new StagingException(Problem.UNAUTHORIZED, "missing or wrong bearer token; send 'Authorization: Bearer"
          + " <token>' with the token from the staging server's sparkube.staging.tokenFile");
    }
  }

  private static void allow(HttpMethod method, String allowed, HttpMethod... methods) {
    for (var m : methods) {
      if (m == method) {
        return;
      }
    }
    throw new StagingException(Problem.METHOD_NOT_ALLOWED, method + " is not allowed here; use " + allowed);
  }

  private static void require(boolean matches, HttpServerRequest request) {
    if (!matches) {
      throw notFound(request);
    }
  }

  private static StagingException notFound(HttpServerRequest request) {
    var path = request.path().length() <= 100 ? request.path() : request.path().substring(0, 97) + "...";
    return new StagingException(Problem.NOT_FOUND, "no staging endpoint at " + request.method() + " " + path
        + "; use /v1/blobs, /v1/blobs/{sha256}, /v1/jobs/{jobId}[/blobs] or /v1/files/{sha256}/{fileName}");
  }
}
