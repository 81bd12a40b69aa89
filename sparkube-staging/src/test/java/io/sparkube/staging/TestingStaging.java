package io.sparkube.staging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.model.config.Conf;
import io.sparkube.staging.client.StagingClient;
import io.sparkube.staging.config.StagingSettings;
import io.sparkube.staging.http.StagingServer;
import io.sparkube.staging.signing.SecretFiles;
import io.sparkube.staging.store.BlobMeta;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real staging server on 127.0.0.1 and an ephemeral port, over a temp directory, with a clock
 * the test moves. Restarting keeps the directory and secrets, as a restarted pod would.
 */
public final class TestingStaging implements AutoCloseable {
  public final Path root;
  public final Path storeDir;
  public final Path tokenFile;
  public final Path signingKeyFile;
  public final TestClock clock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final Map<String, String> settings = new HashMap<>();
  public StagingServer server;

  public TestingStaging(Path root) {
    this(root, Map.of());
  }

  public TestingStaging(Path root, Map<String, String> extra) {
    this.root = root;
    this.storeDir = root.resolve("store");
    this.tokenFile = root.resolve("token");
    this.signingKeyFile = root.resolve("signing.key");
    try {
      Files.createDirectories(root);
      SecretFiles.createToken(tokenFile);
      SecretFiles.createSigningKey(signingKeyFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    settings.put("sparkube.staging.host", "127.0.0.1");
    settings.put("sparkube.staging.port", "0");
    settings.put("sparkube.staging.dir", storeDir.toString());
    settings.put("sparkube.staging.tokenFile", tokenFile.toString());
    settings.put("sparkube.staging.signingKeyFile", signingKeyFile.toString());
    // The scheduled cleaner stays out of the way; tests run passes themselves unless they ask.
    settings.put("sparkube.staging.cleanInterval", "1d");
    settings.putAll(extra);
  }

  public TestingStaging start() {
    server = StagingServer.start(StagingSettings.read(Conf.of(settings)), clock);
    return this;
  }

  /** Starts with {@code jobsClient} for the job watch, which the settings turn on or off. */
  public TestingStaging start(KubernetesClient jobsClient) {
    server = StagingServer.start(StagingSettings.read(Conf.of(settings)), clock, Optional.of(jobsClient));
    return this;
  }

  /** Stops the server and starts another on the same directory, as after a crash or a redeploy. */
  public TestingStaging restart() {
    close();
    return start();
  }

  public int port() {
    return server.port();
  }

  public URI base() {
    return URI.create("http://127.0.0.1:" + port());
  }

  public String token() {
    try {
      return Files.readString(tokenFile).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public StagingClient client() {
    return client(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
  }

  public StagingClient client(HttpClient http) {
    return new StagingClient(base(), token(), http);
  }

  public RawHttp raw() {
    return new RawHttp("127.0.0.1", port());
  }

  /** Files under the store's temp directory: what an upload in progress or a crash leaves. */
  public List<Path> tempFiles() {
    var tmp = storeDir.resolve("tmp");
    if (!Files.isDirectory(tmp)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(tmp)) {
      return files.toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every regular file in the store, for checks that nothing partial was kept. */
  public List<Path> storedFiles() {
    try (Stream<Path> files = Files.walk(storeDir.resolve("blobs"))) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The blob's metadata as the store keeps it on disk. */
  public BlobMeta meta(String sha) {
    var file = storeDir.resolve("blobs").resolve(sha.substring(0, 2)).resolve(sha + ".json");
    try {
      return new ObjectMapper().readValue(file.toFile(), BlobMeta.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
