package io.sparkube.submit.staging;

import io.sparkube.model.config.Conf;
import io.sparkube.model.error.SparkubeException;
import io.sparkube.model.config.SparkubeHome;
import io.sparkube.staging.client.FileHashes;
import io.sparkube.staging.client.StagedEntry;
import io.sparkube.staging.client.StagingClient;
import io.sparkube.submit.MainAppResource;
import io.sparkube.submit.Reporter;
import io.sparkube.submit.SubmitEnvironment;
import io.sparkube.submit.SubmitRequest;
import io.sparkube.submit.args.Uris;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Uploads a job's local files to the staging server and rewrites them to the signed URLs the
 * driver and executors fetch with Spark's own http client. The files are referenced under the
 * job's application id, so the server keeps them until the job is released.
 */
public final class DependencyStager {
  private static final long SHOW_PROGRESS_FROM_BYTES = 16L << 20;

  private final StagingClient client;
  private final Reporter reporter;

  public DependencyStager(StagingClient client, Reporter reporter) {
    this.client = client;
    this.reporter = reporter;
  }

  /**
   * A client for the server the conf names, remembering file hashes in the submitting user's
   * {@code $SPARKUBE_HOME/cache/file-hashes}, so a resubmitted jar is not hashed again.
   */
  public static Optional<StagingClient> clientFor(Conf conf, SubmitEnvironment env) {
    var uri = conf.getOptional(StagingSubmitKeys.URI);
    if (uri.isEmpty()) {
      return Optional.empty();
    }
    var token = conf.getOptional(StagingSubmitKeys.TOKEN_FILE).orElseThrow(() -> SparkubeException.invalidConfig(
        StagingSubmitKeys.URI.key() + " is set but " + StagingSubmitKeys.TOKEN_FILE.key() + " is not; give the file"
            + " holding the staging server's upload token"));
    var hashes = FileHashes.cachedIn(SparkubeHome.of(env.variables()).resolve("cache").resolve("file-hashes"));
    return Optional.of(StagingClient.create(URI.create(uri.get()), Path.of(token)).withFileHashes(hashes));
  }

  public SubmitRequest stage(SubmitRequest request, String jobId) {
    var files = LocalFiles.of(request);
    if (files.isEmpty()) {
      return request;
    }
    var entries = new ArrayList<StagedEntry>();
    for (var path : files.values()) {
      var name = path.getFileName().toString();
      var uploaded = client.upload(path, (sent, total) -> {
        if (total >= SHOW_PROGRESS_FROM_BYTES) {
          reporter.status("uploading " + name + ": " + (sent * 100 / Math.max(total, 1)) + "% of "
              + (total >> 20) + " MiB");
        }
      });
      reporter.info((uploaded.transferred() ? "uploaded " : "already staged: ") + name + " ("
          + uploaded.size() + " bytes)");
      entries.add(new StagedEntry(uploaded.sha256(), name));
    }
    var signed = client.reference(jobId, entries);
    var urls = new LinkedHashMap<String, String>();
    int i = 0;
    for (var uri : files.keySet()) {
      urls.put(uri, signed.get(i++).url().toString());
    }
    return rewrite(request, urls);
  }

  /** The request with every local entry replaced by its URL; an archive's #alias is kept. */
  static SubmitRequest rewrite(SubmitRequest request, Map<String, String> urls) {
    var conf = request.conf();
    for (var key : LocalFiles.KEYS) {
      var list = conf.raw(key);
      if (list.isPresent()) {
        var rewritten = Uris.splitTrimmed(list.get()).stream().map(entry -> replaced(entry, urls)).toList();
        conf = conf.with(key, String.join(",", rewritten));
      }
    }
    var resource = request.mainAppResource();
    MainAppResource staged = resource;
    if (resource instanceof MainAppResource.JavaResource java) {
      staged = new MainAppResource.JavaResource(java.uri().map(uri -> replaced(uri, urls)));
    } else if (resource instanceof MainAppResource.PythonResource python) {
      staged = new MainAppResource.PythonResource(replaced(python.uri(), urls));
    } else if (resource instanceof MainAppResource.RResource r) {
      staged = new MainAppResource.RResource(replaced(r.uri(), urls));
    }
    return new SubmitRequest(conf, staged, request.mainClass(), request.appArgs(), request.proxyUser(),
        request.environment(), request.templates());
  }

  private static String replaced(String entry, Map<String, String> urls) {
    var bare = LocalFiles.withoutFragment(entry);
    var url = urls.get(bare);
    return url == null ? entry : url + entry.substring(bare.length());
  }

  public void release(String jobId) {
    client.release(jobId);
  }
}
