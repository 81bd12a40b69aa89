package io.sparkube.cli.staging;

import io.sparkube.cli.DistributionJvm;
import io.sparkube.cli.ExitCodes;
import io.sparkube.cli.Terminal;
import io.sparkube.staging.StagingServerMain;
import io.sparkube.staging.config.StagingKeys;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sparkube staging serve}: runs the staging server in the foreground until stopped. The
 * server (Vert.x) runs in a child JVM with the distribution's server libraries, as the local
 * cluster does; this process waits for it and stops it on Ctrl-C or SIGTERM.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the staging server in the foreground. Flags override the settings file.")
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "FILE", description = "properties file of sparkube.staging.* settings")
  String config;

  @Option(names = "--dir", paramLabel = "DIR", description = "where blobs and their metadata live")
  String dir;

  @Option(names = "--host", paramLabel = "ADDRESS", description = "address to bind; default 0.0.0.0")
  String host;

  @Option(names = "--port", paramLabel = "PORT", description = "port to bind; default 8080, 0 for any")
  String port;

  @Option(names = "--token-file", paramLabel = "FILE", description = "bearer token uploads must carry")
  String tokenFile;

  @Option(names = "--signing-key-file", paramLabel = "FILE", description = "base64 key that signs download URLs")
  String signingKeyFile;

  @Option(names = "--tls-cert-file", paramLabel = "FILE", description = "PEM certificate chain (with --tls-key-file)")
  String tlsCertFile;

  @Option(names = "--tls-key-file", paramLabel = "FILE", description = "PEM private key")
  String tlsKeyFile;

  @Option(names = "--tls-keystore", paramLabel = "FILE", description = "PKCS12 keystore, instead of PEM files")
  String tlsKeyStore;

  @Option(names = "--tls-keystore-password-file", paramLabel = "FILE", description = "password of --tls-keystore")
  String tlsKeyStorePasswordFile;

  @Option(names = "--external-uri", paramLabel = "URL", description = "base URI submitters use")
  String externalUri;

  @Option(names = "--internal-uri", paramLabel = "URL", description = "base URI pods use in download URLs")
  String internalUri;

  @Option(names = "--max-blob-size", paramLabel = "SIZE", description = "largest upload, e.g. 2g")
  String maxBlobSize;

  @Option(names = "--max-store-size", paramLabel = "SIZE", description = "largest total store, e.g. 100g")
  String maxStoreSize;

  @Option(names = "--retention", paramLabel = "DURATION", description = "how long released blobs stay, e.g. 1h")
  String retention;

  @Option(names = "--url-ttl", paramLabel = "DURATION", description = "how long download URLs work, e.g. 24h")
  String urlTtl;

  @Option(names = "--watch-jobs", description = "watch Spark driver pods and release a job's files when its driver"
      + " ends, --no-wait jobs included (needs get, list and watch on pods)")
  boolean watchJobs;

  @Option(names = "--job-namespaces", paramLabel = "NS[,NS]",
      description = "namespaces whose driver pods --watch-jobs watches; default all")
  String jobNamespaces;

  private final Terminal terminal;

  ServeCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  /** Each flag as the setting it stands for; only the flags given. */
  Map<String, String> settings() {
    var settings = new LinkedHashMap<String, String>();
    put(settings, StagingKeys.DIR.key(), dir);
    put(settings, StagingKeys.HOST.key(), host);
    put(settings, StagingKeys.PORT.key(), port);
    put(settings, StagingKeys.TOKEN_FILE.key(), tokenFile);
    put(settings, StagingKeys.SIGNING_KEY_FILE.key(), signingKeyFile);
    put(settings, StagingKeys.TLS_CERT_FILE.key(), tlsCertFile);
    put(settings, StagingKeys.TLS_KEY_FILE.key(), tlsKeyFile);
    put(settings, StagingKeys.TLS_KEY_STORE.key(), tlsKeyStore);
    put(settings, StagingKeys.TLS_KEY_STORE_PASSWORD_FILE.key(), tlsKeyStorePasswordFile);
    put(settings, StagingKeys.EXTERNAL_URI.key(), externalUri);
    put(settings, StagingKeys.INTERNAL_URI.key(), internalUri);
    put(settings, StagingKeys.MAX_BLOB_BYTES.key(), maxBlobSize);
    put(settings, StagingKeys.MAX_STORE_BYTES.key(), maxStoreSize);
    put(settings, StagingKeys.RETENTION_MS.key(), retention);
    put(settings, StagingKeys.URL_TTL_MS.key(), urlTtl);
    // Only when given: an unset flag leaves the settings file's choice in force.
    put(settings, StagingKeys.JOBS_WATCH.key(), watchJobs ? "true" : null);
    put(settings, StagingKeys.JOBS_NAMESPACES.key(), jobNamespaces);
    return settings;
  }

  @Override
  public Integer call() {
    try {
      var options = new ArrayList<String>();
      settings().forEach((key, value) -> options.add("-D" + key + "=" + value));
      var command = DistributionJvm.command(options, StagingServerMain.class.getName());
      if (config != null) {
        command.add(config);
      }
      var server = new ProcessBuilder(command).inheritIO().start();
      var stop = new Thread(server::destroy, "staging-serve-stop");
      Runtime.getRuntime().addShutdownHook(stop);
      int code = server.waitFor();
      Runtime.getRuntime().removeShutdownHook(stop);
      return code;
    } catch (IOException e) {
      terminal.err().println("sparkube: cannot start the staging server: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.failed(terminal.err(), e);
    } finally {
      terminal.err().flush();
    }
  }

  private static void put(Map<String, String> settings, String key, String value) {
    if (value != null) {
      settings.put(key, value);
    }
  }

}
