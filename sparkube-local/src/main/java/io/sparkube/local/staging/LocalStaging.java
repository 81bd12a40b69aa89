package io.sparkube.local.staging;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkube.local.cluster.ClusterHome;
import io.sparkube.model.config.Conf;
import io.sparkube.staging.config.StagingKeys;
import io.sparkube.staging.config.StagingSettings;
import io.sparkube.staging.http.StagingServer;
import io.sparkube.staging.signing.SecretFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Properties;

/**
 * The local cluster's staging server, in the cluster's own process. It binds 127.0.0.1, which the
 * submitter and every pod share (pods reach the API server there too), so one URI serves both. It
 * speaks plain http: nothing leaves the machine, uploads need the token and downloads a signed URL.
 * Its token and signing key are made on first start and kept, so blobs and URLs outlive restarts.
 * It watches the cluster's driver pods, in every namespace, to release a job's files when it ends.
 */
public final class LocalStaging implements AutoCloseable {
  private static final Duration LONGEST_CLEAN_INTERVAL = Duration.ofMinutes(1);
  private static final Duration SHORTEST_CLEAN_INTERVAL = Duration.ofSeconds(1);

  private final ClusterHome home;
  private final StagingServer server;

  private LocalStaging(ClusterHome home, StagingServer server) {
    this.home = home;
    this.server = server;
  }

  /**
   * Starts the server with the local defaults, overridden by any {@code sparkube.staging.*} entry
   * of {@code overrides} (the cluster process's system properties), and publishes its URI.
   */
  public static LocalStaging start(ClusterHome home, KubernetesClient cluster, Properties overrides, Clock clock) {
    try {
      Files.createDirectories(home.stagingDir());
      if (!Files.exists(home.stagingTokenFile())) {
        SecretFiles.createToken(home.stagingTokenFile());
      }
      if (!Files.exists(home.stagingSigningKeyFile())) {
        SecretFiles.createSigningKey(home.stagingSigningKeyFile());
      }
      var server = StagingServer.start(StagingSettings.read(settings(home, overrides)), clock, Optional.of(cluster));
      var staging = new LocalStaging(home, server);
      staging.publish();
      return staging;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up the local staging server in " + home.stagingDir(), e);
    }
  }

  static Conf settings(ClusterHome home, Properties overrides) {
    var entries = new LinkedHashMap<String, String>();
    entries.put(StagingKeys.HOST.key(), "127.0.0.1");
    entries.put(StagingKeys.PORT.key(), "0");
    entries.put(StagingKeys.DIR.key(), home.stagingStoreDir().toString());
    entries.put(StagingKeys.TOKEN_FILE.key(), home.stagingTokenFile().toString());
    entries.put(StagingKeys.SIGNING_KEY_FILE.key(), home.stagingSigningKeyFile().toString());
    // Jobs submitted with --no-wait release their files when their driver ends.
    entries.put(StagingKeys.JOBS_WATCH.key(), "true");
    overrides.stringPropertyNames().stream().filter(k -> k.startsWith(StagingKeys.PREFIX))
        .forEach(k -> entries.put(k, overrides.getProperty(k)));
    if (!entries.containsKey(StagingKeys.CLEAN_INTERVAL_MS.key())) {
      entries.put(StagingKeys.CLEAN_INTERVAL_MS.key(), cleanIntervalFor(Conf.of(entries)).toMillis() + "ms");
    }
    return Conf.of(entries);
  }

  /** A short retention (as tests and demos set) is honoured within a second, not a minute later. */
  private static Duration cleanIntervalFor(Conf conf) {
    var retention = Duration.ofMillis(conf.get(StagingKeys.RETENTION_MS));
    if (retention.compareTo(LONGEST_CLEAN_INTERVAL) > 0) {
      return LONGEST_CLEAN_INTERVAL;
    }
    return retention.compareTo(SHORTEST_CLEAN_INTERVAL) < 0 ? SHORTEST_CLEAN_INTERVAL : retention;
  }

  /** Written last and atomically, so a reader sees either no URI or the one that answers. */
  private void publish() throws IOException {
    var temp = home.stagingDir().resolve("uri.tmp");
    Files.writeString(temp, uri() + "\n");
    Files.move(temp, home.stagingUriFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public URI uri() {
    return server.baseUris().external();
  }

  public StagingServer server() {
    return server;
  }

  /** The URI of the running local cluster's staging server, if it runs. */
  public static Optional<URI> published(ClusterHome home) {
    try {
      return Files.isRegularFile(home.stagingUriFile())
          ? Optional.of(URI.create(Files.readString(home.stagingUriFile()).strip()))
          : Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(home.stagingUriFile());
    } catch (IOException e) {
      // A stale URI only makes the next submission's upload fail with a clear connection error.
    } finally {
      server.close();
    }
  }
}
