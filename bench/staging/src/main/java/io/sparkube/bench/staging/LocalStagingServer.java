package io.sparkube.bench.staging;

import io.sparkube.model.config.Conf;
import io.sparkube.staging.client.StagedEntry;
import io.sparkube.staging.client.StagingClient;
import io.sparkube.staging.config.StagingSettings;
import io.sparkube.staging.http.StagingServer;
import io.sparkube.staging.signing.SecretFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The staging server as a user runs it, on 127.0.0.1 over its own fresh store directory, with the
 * client a submitter uses. A fresh store per run, since an upload of a blob already stored is
 * answered before any byte is sent.
 */
final class LocalStagingServer implements AutoCloseable {
  private final StagingServer server;
  private final StagingClient client;
  private final Optional<SelfSignedTls> tls;
  private int jobs;

  private LocalStagingServer(StagingServer server, StagingClient client, Optional<SelfSignedTls> tls) {
    this.server = server;
    this.client = client;
    this.tls = tls;
  }

  static LocalStagingServer start(Path dir, Optional<SelfSignedTls> tls) throws IOException {
    Files.createDirectories(dir);
    var tokenFile = SecretFiles.createToken(dir.resolve("token"));
    var settings = new HashMap<String, String>();
    settings.put("sparkube.staging.host", "127.0.0.1");
    settings.put("sparkube.staging.port", "0");
    settings.put("sparkube.staging.dir", dir.resolve("store").toString());
    settings.put("sparkube.staging.tokenFile", tokenFile.toString());
    settings.put("sparkube.staging.signingKeyFile", SecretFiles.createSigningKey(dir.resolve("signing.key")).toString());
    tls.ifPresent(t -> settings.putAll(t.serverSettings()));
    var server = StagingServer.start(StagingSettings.read(Conf.of(settings)), Clock.systemUTC());
    var base = URI.create((tls.isPresent() ? "https" : "http") + "://127.0.0.1:" + server.port());
    var client = tls.isPresent() ? StagingClient.create(base, tokenFile, tls.get().clientContext())
        : StagingClient.create(base, tokenFile);
    return new LocalStagingServer(server, client, tls);
  }

  /** Uploads through StagingClient.upload, which must really send the bytes, not find them stored. */
  UploadTiming upload(RandomBlob blob) {
    var fromFirstBodyBytes = new AtomicReference<Stopwatch>();
    var threads = ThreadCpu.start();
    var watch = Stopwatch.start();
    var uploaded = client.upload(blob.file(), (sent, total) -> {
      if (fromFirstBodyBytes.get() == null) {
        fromFirstBodyBytes.set(Stopwatch.start());
      }
    });
    var total = watch.stop(blob.size());
    var put = fromFirstBodyBytes.get().stop(blob.size());
    var cpuByThread = threads.secondsByGroup();
    if (!uploaded.transferred() || !uploaded.sha256().equals(blob.sha256()) || uploaded.size() != blob.size()) {
      throw new IllegalStateException("the upload was not a full transfer of " + blob.sha256() + ": " + uploaded);
    }
    return new UploadTiming(total, put, cpuByThread);
  }

  /** The signed URL a job's pods would get for {@code blob}, as a download. */
  Download download(RandomBlob blob) {
    var urls = client.reference("bench-" + ++jobs, List.of(new StagedEntry(blob.sha256(), blob.fileName())));
    return new HttpGet(urls.get(0).url(), tls.map(t -> t.clientContext().getSocketFactory()).orElse(null));
  }

  @Override
  public void close() {
    server.close();
  }
}
