package io.sparkube.staging.config;

import static io.sparkube.staging.config.StagingKeys.PREFIX;

import io.sparkube.model.config.Conf;
import io.sparkube.model.config.ConfigKey;
import io.sparkube.model.error.SparkubeException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The staging server's settings, read and checked once from {@code sparkube.staging.*} entries.
 *
 * @param externalUri empty to use the address the server binds
 * @param internalUri empty to use the external URI
 * @param maxStoreBytes empty when only the disk limits the store
 * @param jobs whether ended jobs are found by watching their driver pods
 */
public record StagingSettings(
    String host,
    int port,
    Path dir,
    Path tokenFile,
    Path signingKeyFile,
    Tls tls,
    Optional<URI> externalUri,
    Optional<URI> internalUri,
    long maxBlobBytes,
    OptionalLong maxStoreBytes,
    Duration retention,
    Duration urlTtl,
    Duration cleanInterval,
    Duration idleTimeout,
    int receiveBufferBytes,
    JobWatchSettings jobs) {

  public static StagingSettings read(Conf conf) {
    rejectUnknownKeys(conf);
    var maxStore = conf.getOptional(StagingKeys.MAX_STORE_BYTES);
    return new StagingSettings(
        conf.get(StagingKeys.HOST),
        conf.get(StagingKeys.PORT),
        required(conf, StagingKeys.DIR, "the directory that holds the blobs"),
        required(conf, StagingKeys.TOKEN_FILE, "a file holding the upload token"),
        required(conf, StagingKeys.SIGNING_KEY_FILE, "a file holding the URL signing key"),
        tls(conf),
        uri(conf, StagingKeys.EXTERNAL_URI),
        uri(conf, StagingKeys.INTERNAL_URI),
        conf.get(StagingKeys.MAX_BLOB_BYTES),
        maxStore.isPresent() ? OptionalLong.of(maxStore.get()) : OptionalLong.empty(),
        Duration.ofMillis(conf.get(StagingKeys.RETENTION_MS)),
        Duration.ofMillis(conf.get(StagingKeys.URL_TTL_MS)),
        Duration.ofMillis(conf.get(StagingKeys.CLEAN_INTERVAL_MS)),
        Duration.ofMillis(conf.get(StagingKeys.IDLE_TIMEOUT_MS)),
        Math.toIntExact(conf.get(StagingKeys.RECEIVE_BUFFER_BYTES)),
        JobWatchSettings.read(conf));
  }

  /** A misspelt key would otherwise leave its default in force without a word. */
  private static void rejectUnknownKeys(Conf conf) {
    var known = new TreeSet<String>();
    StagingKeys.ALL.forEach(k -> known.add(k.key()));
    for (var key : conf.asMap().keySet()) {
      if (key.startsWith(PREFIX) && !known.contains(key)) {
        throw SparkubeException.invalidConfig(key + " is not a staging setting; use one of " + known);
      }
    }
  }

  private static Path required(Conf conf, ConfigKey<String> key, String what) {
    return conf.getOptional(key).filter(v -> !v.isBlank()).map(Path::of)
        .orElseThrow(() -> SparkubeException.invalidConfig(key.key() + " is not set; set it to " + what));
  }

  private static Tls tls(Conf conf) {
    var cert = conf.getOptional(StagingKeys.TLS_CERT_FILE).map(Path::of);
    var key = conf.getOptional(StagingKeys.TLS_KEY_FILE).map(Path::of);
    var store = conf.getOptional(StagingKeys.TLS_KEY_STORE).map(Path::of);
    var password = conf.getOptional(StagingKeys.TLS_KEY_STORE_PASSWORD_FILE).map(Path::of);
    if ((cert.isPresent() || key.isPresent()) && (store.isPresent() || password.isPresent())) {
      throw SparkubeException.invalidConfig("TLS is set both from PEM files and from a keystore; set either "
          + StagingKeys.TLS_CERT_FILE.key() + " and " + StagingKeys.TLS_KEY_FILE.key() + ", or "
          + StagingKeys.TLS_KEY_STORE.key() + " and " + StagingKeys.TLS_KEY_STORE_PASSWORD_FILE.key());
    }
    if (cert.isPresent() != key.isPresent()) {
      throw SparkubeException.invalidConfig(StagingKeys.TLS_CERT_FILE.key() + " and " + StagingKeys.TLS_KEY_FILE.key()
          + " go together; set both, or neither for plain http");
    }
    if (store.isPresent() != password.isPresent()) {
      throw SparkubeException.invalidConfig(StagingKeys.TLS_KEY_STORE.key() + " and "
          + StagingKeys.TLS_KEY_STORE_PASSWORD_FILE.key() + " go together; set both, or neither for plain http");
    }
    if (cert.isPresent()) {
      return new Tls.Pem(cert.get(), key.get());
    }
    return store.<Tls>map(s -> new Tls.Pkcs12(s, password.get())).orElseGet(Tls.None::new);
  }

  private static Optional<URI> uri(Conf conf, ConfigKey<String> key) {
    return conf.getOptional(key).map(raw -> {
      try {
        var uri = new URI(raw.strip());
        var scheme = uri.getScheme();
        if (("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null && uri.getQuery() == null
            && uri.getFragment() == null) {
          return uri;
        }
      } catch (URISyntaxException e) {
        // Reported below with the expected form.
      }
      throw SparkubeException.invalidConfig(key.key() + "=" + raw + " is not valid; use an http(s) base URI such as"
          + " https://staging.example.com or http://sparkube-staging.sparkube.svc:8080");
    });
  }
}
