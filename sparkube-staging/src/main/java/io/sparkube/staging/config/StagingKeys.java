package io.sparkube.staging.config;

import io.sparkube.model.config.ConfigKey;
import io.sparkube.model.config.DnsNames;
import io.sparkube.model.config.ValueType;
import java.util.List;

/**
 * The staging server's settings, declared once. Secrets are never values here: the token, the
 * signing key and the keystore password are read from the files these settings name.
 */
public final class StagingKeys {
  private StagingKeys() {}

  public static final String PREFIX = "sparkube.staging.";

  public static final ConfigKey<String> HOST = ConfigKey.of(PREFIX + "host", ValueType.STRING)
      .doc("Address the server binds.").since("sparkube 0.1")
      .check(h -> !h.isBlank(), "give an address such as 0.0.0.0 or 127.0.0.1").defaultTo("0.0.0.0");

  public static final ConfigKey<Integer> PORT = ConfigKey.of(PREFIX + "port", ValueType.INT)
      .doc("Port the server binds; 0 picks a free one.").since("sparkube 0.1")
      .check(p -> p >= 0 && p <= 65535, "use a port between 0 and 65535").defaultTo(8080);

  public static final ConfigKey<String> DIR = ConfigKey.of(PREFIX + "dir", ValueType.STRING)
      .doc("Directory holding the blobs, their metadata and uploads in progress.").since("sparkube 0.1")
      .optional();

  public static final ConfigKey<String> TOKEN_FILE = ConfigKey.of(PREFIX + "tokenFile", ValueType.STRING)
      .doc("File holding the bearer token that uploads and job requests must carry.").since("sparkube 0.1")
      .optional();

  public static final ConfigKey<String> SIGNING_KEY_FILE = ConfigKey.of(PREFIX + "signingKeyFile", ValueType.STRING)
      .doc("File holding the base64 HMAC key that signs download URLs (at least 32 bytes).").since("sparkube 0.1")
      .optional();

  public static final ConfigKey<String> TLS_CERT_FILE = ConfigKey.of(PREFIX + "tls.certFile", ValueType.STRING)
      .doc("PEM certificate chain served over TLS, with tls.keyFile.").since("sparkube 0.1").optional();

  public static final ConfigKey<String> TLS_KEY_FILE = ConfigKey.of(PREFIX + "tls.keyFile", ValueType.STRING)
      .doc("PEM private key of tls.certFile.").since("sparkube 0.1").optional();

  public static final ConfigKey<String> TLS_KEY_STORE = ConfigKey.of(PREFIX + "tls.keyStore", ValueType.STRING)
      .doc("PKCS12 keystore served over TLS, instead of PEM files.").since("sparkube 0.1").optional();

  public static final ConfigKey<String> TLS_KEY_STORE_PASSWORD_FILE =
      ConfigKey.of(PREFIX + "tls.keyStorePasswordFile", ValueType.STRING)
          .doc("File holding the password of tls.keyStore.").since("sparkube 0.1").optional();

  public static final ConfigKey<String> EXTERNAL_URI = ConfigKey.of(PREFIX + "externalUri", ValueType.STRING)
      .doc("Base URI submitters reach the server at; defaults to the bound address.").since("sparkube 0.1")
      .optional();

  public static final ConfigKey<String> INTERNAL_URI = ConfigKey.of(PREFIX + "internalUri", ValueType.STRING)
      .doc("Base URI pods reach the server at, used in the download URLs jobs get; defaults to externalUri.")
      .since("sparkube 0.1").optional();

  public static final ConfigKey<Long> MAX_BLOB_BYTES = ConfigKey.of(PREFIX + "maxBlobBytes", ValueType.BYTES)
      .doc("Largest blob one upload may hold.").since("sparkube 0.1")
      .check(v -> v > 0, "it must be positive").defaultTo(2L << 30);

  public static final ConfigKey<Long> MAX_STORE_BYTES = ConfigKey.of(PREFIX + "maxStoreBytes", ValueType.BYTES)
      .doc("Most bytes all blobs and uploads in progress may hold; unset leaves only the disk's own limit.")
      .since("sparkube 0.1").check(v -> v > 0, "it must be positive").optional();

  public static final ConfigKey<Long> RETENTION_MS = ConfigKey.of(PREFIX + "retention", ValueType.MILLIS)
      .doc("How long a blob no job references is kept, from its release (or upload, if never referenced).")
      .since("sparkube 0.1").check(v -> v >= 0, "it must not be negative").defaultTo(3_600_000L);

  public static final ConfigKey<Long> URL_TTL_MS = ConfigKey.of(PREFIX + "urlTtl", ValueType.MILLIS)
      .doc("How long a signed download URL stays valid.").since("sparkube 0.1")
      .check(v -> v >= 1000, "it must be at least 1s").defaultTo(24 * 3_600_000L);

  public static final ConfigKey<Long> CLEAN_INTERVAL_MS = ConfigKey.of(PREFIX + "cleanInterval", ValueType.MILLIS)
      .doc("How often the cleaner looks for blobs past their retention.").since("sparkube 0.1")
      .check(v -> v > 0, "it must be positive").defaultTo(60_000L);

  public static final ConfigKey<Long> IDLE_TIMEOUT_MS = ConfigKey.of(PREFIX + "idleTimeout", ValueType.MILLIS)
      .doc("A connection silent this long is closed, and an upload on it abandoned.").since("sparkube 0.1")
      .check(v -> v >= 1000, "it must be at least 1s").defaultTo(120_000L);

  public static final ConfigKey<Long> RECEIVE_BUFFER_BYTES = ConfigKey.of(PREFIX + "receiveBufferBytes",
      ValueType.BYTES)
      .doc("Each connection's socket receive buffer, which is also the most one read takes in; it bounds the TCP"
          + " window, so raise it for uploads over links with a long round trip (the window must hold"
          + " bandwidth × round-trip time).").since("sparkube 0.1")
      .check(v -> v >= (64L << 10) && v <= (64L << 20), "it must be between 64KiB and 64MiB").defaultTo(1L << 20);

  public static final ConfigKey<Boolean> JOBS_WATCH = ConfigKey.of(PREFIX + "jobs.watch", ValueType.BOOLEAN)
      .doc("Watch Spark driver pods and release a job's files when its driver ends, so jobs nobody follows"
          + " (submitted with --no-wait) release them too. Needs get, list and watch on pods.")
      .since("sparkube 0.1").defaultTo(false);

  public static final ConfigKey<List<String>> JOBS_NAMESPACES = ConfigKey.of(PREFIX + "jobs.namespaces", ValueType.LIST)
      .doc("Namespaces whose driver pods are watched, comma separated; empty watches all namespaces. Jobs"
          + " running elsewhere have no driver pod in sight, so they are released once past jobs.grace.")
      .since("sparkube 0.1")
      .check(names -> names.stream().allMatch(DnsNames::isLabel),
          "list namespace names, each " + DnsNames.LABEL_RULE + ", or leave it empty for all namespaces")
      .defaultTo(List.of());

  public static final ConfigKey<Long> JOBS_GRACE_MS = ConfigKey.of(PREFIX + "jobs.grace", ValueType.MILLIS)
      .doc("How long a job's references are kept while no live driver pod of it is seen: a submission"
          + " references its files before it creates the driver pod. Counted from the job's last reference,"
          + " or from the server's start for references made before it.")
      .since("sparkube 0.1").check(v -> v > 0, "it must be positive").defaultTo(300_000L);

  public static final ConfigKey<Long> JOBS_RESYNC_INTERVAL_MS =
      ConfigKey.of(PREFIX + "jobs.resyncInterval", ValueType.MILLIS)
          .doc("How often jobs holding references are checked against the driver pods seen, to release those"
              + " whose end the watch missed (a restart, a lost event).")
          .since("sparkube 0.1").check(v -> v > 0, "it must be positive").defaultTo(60_000L);

  public static final List<ConfigKey<?>> ALL = List.of(HOST, PORT, DIR, TOKEN_FILE, SIGNING_KEY_FILE, TLS_CERT_FILE,
      TLS_KEY_FILE, TLS_KEY_STORE, TLS_KEY_STORE_PASSWORD_FILE, EXTERNAL_URI, INTERNAL_URI, MAX_BLOB_BYTES,
      MAX_STORE_BYTES, RETENTION_MS, URL_TTL_MS, CLEAN_INTERVAL_MS, IDLE_TIMEOUT_MS, RECEIVE_BUFFER_BYTES, JOBS_WATCH,
      JOBS_NAMESPACES, JOBS_GRACE_MS, JOBS_RESYNC_INTERVAL_MS);
}
